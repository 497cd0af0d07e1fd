import EventEngine

/// The wall clock of a run: the instant simulated time 0 stands for, so samples can be
/// shown at the clock time of the traffic they replay.
public struct RunClock: Equatable, Sendable {
    /// Unix time, in milliseconds, of simulated time 0.
    public var startEpochMilliseconds: Int64

    /// A clock whose time 0 is `startEpochMilliseconds`.
    public init(startEpochMilliseconds: Int64) {
        self.startEpochMilliseconds = startEpochMilliseconds
    }

    /// Unix milliseconds of simulated `time`.
    public func epochMilliseconds(at time: SimTime) -> Int64 {
        startEpochMilliseconds + time / Ticks.perMillisecond
    }

    /// Simulated time of Unix milliseconds `epochMilliseconds` (negative before the start).
    public func simTime(atEpochMilliseconds epochMilliseconds: Int64) -> SimTime {
        (epochMilliseconds - startEpochMilliseconds) * Ticks.perMillisecond
    }
}
