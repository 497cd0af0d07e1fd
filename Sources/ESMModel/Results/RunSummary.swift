import EventEngine

/// The headline figures of one run.
public struct RunSummary: Equatable, Sendable {
    /// Scenario name.
    public var scenario: String
    /// Behaviour profile name.
    public var profile: String
    /// `on-demand` or `provisioned`.
    public var mode: String
    /// The run's seed.
    public var seed: UInt64
    /// Records the ESM was responsible for.
    public var recordsProduced: Int64
    /// Records processed successfully (invoked, or filtered out by `FilterCriteria`).
    public var recordsProcessed: Int64
    /// First time production had ended and every record was processed or dropped; nil if never.
    public var drainTime: SimTime?
    /// First time concurrency reached the run's maximum.
    public var timeToMaxConcurrency: SimTime
    /// The most concurrent executions at any instant.
    public var maxConcurrency: Int
    /// The largest offset lag (sum over partitions) at any instant.
    public var peakOffsetLag: Int64
    /// Mean of the sampled offset lag (sum over partitions).
    public var meanOffsetLag: Double
    /// Offset lag when the run ended.
    public var finalOffsetLag: Int64
    /// Invocations started.
    public var invocations: Int64
    /// Invocations that failed.
    public var errors: Int64
    /// Throttled invocation attempts.
    public var throttles: Int64
    /// Records sent to the on-failure destination or discarded.
    public var recordsDropped: Int64
    /// Events the engine handled.
    public var simulatedEvents: Int
    /// Compressed steps taken, each advancing whole steady cycles at once
    /// (`ESMSimulation+Compression`); 0 when every batch was simulated one by one.
    /// `simulatedEvents` counts the events the skipped cycles stand for, so it is the same on either path.
    public var compressedSteps = 0
    /// Samples, scaler readings and EPU metering-period ends those steps passed, taken
    /// from a replayed cycle (`ESMSimulation+ReadThrough`); not written to `summary.csv`.
    public var compressedMoments = 0
    /// Events the engine handled one by one: `simulatedEvents` less those the compressed
    /// steps stood for, what the run cost and what its event budget counts; not written to
    /// `summary.csv`.
    public var handledEvents = 0
    /// When a `RunCutoff` stopped the run as a settled miss; nil when it ran to its end.
    /// Figures that keep changing after that instant (drain time, costs, ages, counts) are
    /// then partial.
    public var cutOffAt: SimTime? = nil
    /// When the run had handled all the events its budget allowed
    /// (`ModelConfiguration.eventBudget`) without ending; nil when it ended on its own.
    /// Every figure is then partial: callers report the run as failed, not its figures.
    public var eventBudgetSpentAt: SimTime? = nil
    /// When the run ended (drained and settled, the horizon, or the cutoff).
    public var endTime: SimTime
    /// Billed invocation time: each invocation's duration rounded up to the millisecond, summed.
    public var billedDurationMilliseconds: Int64
    /// The 99th percentile of record age at processing (production to invocation start), seconds.
    public var recordAgeP99Seconds: Double
    /// When the poller count last changed (0 if it never did).
    public var lastPollerChange: SimTime
    /// Event Poller Unit time, in EPU-seconds, as billed (per second, one-minute minimum per EPU),
    /// for the whole poller group when several ESMs share it; 0 on-demand.
    public var epuSeconds: Int64
    /// First sample time after the lag's peak at which the lag is back at or below 1 % of
    /// it (`LagStatistics.caughtUpTime`), with or without production going on; nil if never.
    public var caughtUpTime: SimTime? = nil
    /// The 50th, 95th and 99th percentiles (nearest rank) of the sampled offset lag (sum
    /// over partitions).
    public var offsetLagP50: Int64 = 0
    public var offsetLagP95: Int64 = 0
    public var offsetLagP99: Int64 = 0
    /// A short hash of the profile's rendered text, set by the layer that rendered it
    /// (`ScenarioRunner`); empty when the run did not come through it.
    public var profileHash = ""
    /// The `EventCount` metrics of the whole run.
    public var events = EventCounts()
    /// Invocations that started on a new execution environment (each one's first).
    public var coldStarts: Int64 = 0
}

extension RunSummary {
    /// Whether the run drained within its horizon.
    public var drained: Bool { drainTime != nil }
}
