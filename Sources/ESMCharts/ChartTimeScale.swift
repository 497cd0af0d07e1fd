import Foundation

/// The time axis shared by a figure's panels: its extent in seconds since the run's start,
/// its ticks and their labels, and its title.
///
/// Without a clock the ticks are nice numbers of minutes since the start. With one they
/// fall on round wall-clock times (every 5 minutes, every hour, ...) and read `HH:MM`, so the
/// chart can be laid beside a CloudWatch graph of the same period.
struct ChartTimeScale: Sendable {
    /// One tick: where it falls and what it says.
    struct Tick: Sendable {
        var seconds: Double
        var label: String
    }

    /// The right edge of the axis, in seconds since the start (the left edge is the start).
    var endSeconds: Double
    /// Ticks, left to right.
    var ticks: [Tick]
    /// The axis title under the last panel.
    var title: String

    /// Clock-time tick spacings, in seconds: each divides the next larger one or a day, so ticks land on round times.
    private static let clockSteps: [Int64] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
    ]
    /// At most this many tick intervals, so labels keep their room.
    static let maximumIntervals = 10

    /// A scale covering `seconds` of simulated time from the start, in clock time when `clock` is given.
    static func covering(_ seconds: Double, clock: ChartClock?) -> ChartTimeScale {
        guard let clock else { return minutes(covering: seconds) }
        return clockTime(covering: seconds, clock: clock)
    }

    /// Where `seconds` falls along the axis, from 0 (left) to 1 (right).
    func fraction(_ seconds: Double) -> Double {
        seconds / endSeconds
    }

    private static func minutes(covering seconds: Double) -> ChartTimeScale {
        let axis = ChartAxis.covering(seconds / 60, targetTicks: maximumIntervals)
        return ChartTimeScale(
            endSeconds: axis.upper * 60,
            ticks: axis.ticks.map { Tick(seconds: $0 * 60, label: ChartNumberFormat.minutesValue($0)) },
            title: "Time since start (minutes)")
    }

    private static func clockTime(covering seconds: Double, clock: ChartClock) -> ChartTimeScale {
        let span = max(1, Int64(seconds.rounded(.up)))
        let step = clockSteps.first { span <= $0 * Int64(maximumIntervals) } ?? 86_400 * ((span + 86_400 * 10 - 1) / (86_400 * 10))
        let start = clock.localStart
        let fraction = Double(clock.startMillisecond) / 1_000
        // The axis ends on the first round time at or after the data, like the minute axis.
        let end = ceilingMultiple(start + span + (clock.startMillisecond > 0 ? 1 : 0), of: step)
        var ticks: [Tick] = []
        var local = ceilingMultiple(start + (clock.startMillisecond > 0 ? 1 : 0), of: step)
        while local <= end {
            let label = step >= 86_400 ? String(ChartClock.date(local).dropFirst(5))
                : ChartClock.timeOfDay(local, seconds: step < 60)
            ticks.append(Tick(seconds: Double(local - start) - fraction, label: label))
            local += step
        }
        let from = ChartClock.date(start) + " " + ChartClock.timeOfDay(start, seconds: true)
        return ChartTimeScale(endSeconds: Double(end - start) - fraction, ticks: ticks,
                              title: "Time (\(clock.zoneName)); the run starts \(from)")
    }

    /// The smallest multiple of `step` at or above `value` (also for negative values).
    private static func ceilingMultiple(_ value: Int64, of step: Int64) -> Int64 {
        let remainder = ((value % step) + step) % step
        return remainder == 0 ? value : value + step - remainder
    }
}
