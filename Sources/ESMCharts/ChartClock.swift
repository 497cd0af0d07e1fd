import ESMFormats
import ESMModel

/// The wall-clock time at which a run's simulated time zero falls, for clock-time axes.
public struct ChartClock: Equatable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z of simulated time zero (rounded down).
    public var startEpochSecond: Int64
    /// Milliseconds past `startEpochSecond` of simulated time zero, 0 to 999.
    public var startMillisecond: Int = 0
    /// The offset from UTC in which to write times (0: UTC), in seconds, as an ISO 8601
    /// start time's `+02:00` gives it.
    public var utcOffsetSeconds: Int

    /// Creates a clock.
    public init(startEpochSecond: Int64, utcOffsetSeconds: Int = 0) {
        self.startEpochSecond = startEpochSecond
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The clock of a run whose scenario gives a `startTime`, in UTC.
    public init(_ run: RunClock) {
        let milliseconds = run.startEpochMilliseconds
        let second = milliseconds >= 0 ? milliseconds / 1_000 : (milliseconds - 999) / 1_000
        self.init(startEpochSecond: second)
        startMillisecond = Int(milliseconds - second * 1_000)
    }

    /// The local second (seconds since the epoch, shifted by the offset) of time zero, rounded down.
    var localStart: Int64 { startEpochSecond + Int64(utcOffsetSeconds) }

    /// The clock shared by all `clocks`, or nil when any is missing or they differ, because
    /// runs overlaid on one axis need one clock.
    public static func shared(_ clocks: [ChartClock?]) -> ChartClock? {
        guard let first = clocks.first ?? nil, clocks.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// The zone as written on an axis: `UTC` or `UTC+02:00`.
    var zoneName: String {
        guard utcOffsetSeconds != 0 else { return "UTC" }
        let minutes = abs(utcOffsetSeconds) / 60
        return "UTC" + (utcOffsetSeconds < 0 ? "-" : "+") + Self.twoDigits(minutes / 60) + ":" + Self.twoDigits(minutes % 60)
    }

    /// `HH:MM`, or `HH:MM:SS` with `seconds`, of a local second.
    static func timeOfDay(_ localSecond: Int64, seconds: Bool) -> String {
        let ofDay = Int(((localSecond % 86_400) + 86_400) % 86_400)
        let text = twoDigits(ofDay / 3_600) + ":" + twoDigits(ofDay / 60 % 60)
        return seconds ? text + ":" + twoDigits(ofDay % 60) : text
    }

    /// `YYYY-MM-DD` of a local second (proleptic Gregorian calendar).
    static func date(_ localSecond: Int64) -> String {
        let days = localSecond >= 0 ? localSecond / 86_400 : (localSecond - 86_399) / 86_400
        let civil = civilDate(daysSinceEpoch: days)
        let year = String(civil.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + twoDigits(civil.month) + "-" + twoDigits(civil.day)
    }

    /// Year, month and day of a day count from 1970-01-01 (the calendar arithmetic is
    /// `ClockTime`'s, shared with the CSV clock column).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int, day: Int) {
        let (year, month, day) = ClockTime.civilFromDays(daysSinceEpoch)
        return (year, Int(month), Int(day))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
