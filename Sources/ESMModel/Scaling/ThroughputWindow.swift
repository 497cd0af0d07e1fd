import EventEngine

/// What happened over one evaluation interval: the batches committed, summed (what a
/// poller slot and an invocation deliver), and the most records seen waiting to be fetched.
///
/// A batch's slot time runs from its fetch (once the poller's byte budget allows it) to
/// its commit, without the time it spent waiting out throttles: throttling says the
/// function is the bottleneck, not the poller, and the scaler reads it separately.
public struct ThroughputWindow: Equatable, Sendable {
    /// The most records seen waiting to be fetched (read at every commit).
    public var peakWaiting: Int64 = 0
    /// Batches committed.
    public var batches: Int64 = 0
    /// Their records.
    public var records: Int64 = 0
    /// Their payload bytes.
    public var bytes: Double = 0
    /// Time the batches held a poller slot, throttle waits excluded.
    public var slotTicks: SimTime = 0
    /// Time their invocations ran, failed attempts included.
    public var invocationTicks: SimTime = 0

    /// An empty window.
    public init() {}

    /// Creates a window with these sums.
    public init(
        batches: Int64, records: Int64, bytes: Double, slotTicks: SimTime, invocationTicks: SimTime,
        peakWaiting: Int64 = 0
    ) {
        self.peakWaiting = peakWaiting
        self.batches = batches
        self.records = records
        self.bytes = bytes
        self.slotTicks = slotTicks
        self.invocationTicks = invocationTicks
    }

    /// Adds one committed batch.
    public mutating func add(records: Int64, bytes: Double, slotTicks: SimTime, invocationTicks: SimTime) {
        batches += 1
        self.records += records
        self.bytes += bytes
        self.slotTicks += max(0, slotTicks)
        self.invocationTicks += max(0, invocationTicks)
    }

    /// Notes `records` waiting to be fetched.
    public mutating func noteWaiting(_ records: Int64) {
        peakWaiting = max(peakWaiting, records)
    }
}
