import EventEngine

/// One sample of the run's state, taken at the end of a sampling interval.
public struct TimeSeriesRow: Equatable, Sendable {
    /// Sample time.
    public var time: SimTime
    /// Records the ESM is responsible for that are in the topic so far (after its starting position).
    public var producedTotal: Int64
    /// Records processed successfully (invoked, or filtered out) and committed so far.
    public var processedTotal: Int64
    /// Sum over partitions of log-end offset minus committed offset.
    public var offsetLagSum: Int64
    /// The largest single-partition offset lag.
    public var offsetLagMaxPartition: Int64
    /// The most concurrent executions seen during the interval.
    public var concurrencyMax: Int
    /// Pollers running at the sample time.
    public var pollers: Int
    /// Invocations started during the interval (throttled attempts excluded).
    public var invocations: Int64
    /// Invocations that failed during the interval.
    public var errors: Int64
    /// Invocation attempts throttled during the interval.
    public var throttles: Int64
    /// Records sent to the on-failure destination (or discarded) so far.
    public var recordsDropped: Int64
    /// Event Poller Units running at the sample time (provisioned mode; 0 on-demand).
    public var epus: Int
    /// The `EventCount` metrics of the interval.
    public var events = EventCounts()
    /// Invocations that started on a new execution environment during the interval.
    public var coldStarts: Int64 = 0
}
