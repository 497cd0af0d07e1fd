/// What one run produced: its time series and its summary.
public struct RunResult: Equatable, Sendable {
    /// One row per sampling interval, from time 0.
    public var rows: [TimeSeriesRow]
    /// The headline figures.
    public var summary: RunSummary
    /// The wall clock of the run, when its scenario gives a `startTime`; nil for a run in
    /// simulated seconds only.
    public var clock: RunClock? = nil
}
