import EventEngine

/// What one batch costs, as the scaler last measured it: the time it holds a poller
/// slot, the time its invocation runs, and its bytes per record. From these and the
/// policy's limits the scaler works out what any poller count can deliver.
public struct CapacityEstimate: Equatable, Sendable {
    /// Seconds a batch holds a poller slot, fetch to commit, throttle waits excluded.
    public var slotSecondsPerBatch: Double
    /// Seconds a batch's invocations run.
    public var invocationSecondsPerBatch: Double
    /// Mean payload bytes per record.
    public var bytesPerRecord: Double

    /// Creates an estimate.
    public init(slotSecondsPerBatch: Double, invocationSecondsPerBatch: Double, bytesPerRecord: Double) {
        self.slotSecondsPerBatch = slotSecondsPerBatch
        self.invocationSecondsPerBatch = invocationSecondsPerBatch
        self.bytesPerRecord = bytesPerRecord
    }

    /// Replaces the estimate with the window's means; a window with no batch says nothing
    /// and leaves it as it was.
    public mutating func update(with window: ThroughputWindow) {
        guard window.batches > 0 else { return }
        let batches = Double(window.batches)
        slotSecondsPerBatch = Ticks.toSeconds(window.slotTicks) / batches
        invocationSecondsPerBatch = Ticks.toSeconds(window.invocationTicks) / batches
        if window.records > 0 { bytesPerRecord = window.bytes / Double(window.records) }
    }

    /// Records per second `pollers` pollers deliver under `policy` when every partition
    /// has full batches waiting: the least of what their slots cycle through (at most one
    /// batch per partition), what the function's concurrency limit runs, and what their
    /// byte budgets fetch.
    ///
    /// - Complexity: O(1).
    public func capacity(pollers: Int, _ policy: ScalerPolicy) -> Double {
        let slots = Double(min(max(pollers, 0) * policy.slotsPerPoller, policy.partitions))
        let bySlots = slots * policy.batchRecords / Self.atLeastOneTick(slotSecondsPerBatch)
        let byFunction = Double(max(policy.concurrencyLimit, 0)) * policy.batchRecords
            / Self.atLeastOneTick(invocationSecondsPerBatch)
        let byBytes = Double(max(pollers, 0)) * policy.pollerBytesPerSecond / max(bytesPerRecord, 1)
        return min(bySlots, byFunction, byBytes)
    }

    /// The fewest pollers within the policy's bounds that deliver `rate` records per
    /// second, or, when no allowed count can, the fewest that deliver the most any can:
    /// pollers past that point would add rebalances and no throughput.
    ///
    /// - Complexity: O(1).
    public func pollers(toDeliver rate: Double, _ policy: ScalerPolicy) -> Int {
        let reachable = min(max(rate, 0), capacity(pollers: policy.ceiling, policy))
        let bySlots = reachable * Self.atLeastOneTick(slotSecondsPerBatch) / policy.batchRecords / Double(policy.slotsPerPoller)
        let byBytes = reachable * max(bytesPerRecord, 1) / policy.pollerBytesPerSecond
        // The tolerance keeps a count that exactly delivers the rate from rounding up.
        let needed = (max(bySlots, byBytes) - 1e-9).rounded(.up)
        let count = needed.isFinite ? Int(min(needed, Double(policy.ceiling))) : policy.ceiling
        return min(max(count, policy.floor), policy.ceiling)
    }

    private static func atLeastOneTick(_ seconds: Double) -> Double {
        max(seconds, Ticks.toSeconds(1))
    }
}
