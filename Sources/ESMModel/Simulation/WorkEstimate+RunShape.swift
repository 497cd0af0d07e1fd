extension WorkEstimate {
    /// The figures of a run that decide what compressing it saves, in seconds and counts.
    struct RunShape {
        let partitions: Double
        let horizon: Double
        /// Records in a full batch.
        let batchLimit: Double
        /// A batch's duration plus its poll and commit overheads.
        let cycle: Double
        /// `MaximumBatchingWindowInSeconds`.
        let window: Double
        /// Backlog records the run reads.
        let backlog: Double
        /// Samples, scaler evaluations and EPU metering-period ends before the horizon.
        let moments: Double
        /// The fewest and most pollers the scaler may leave.
        let pollerBounds: (floor: Int, ceiling: Int)

        /// Batches `records` make over `seconds`, batch by batch: full ones, plus a short
        /// one per partition at most once a window or cycle, at most one per partition a
        /// cycle (`WorkEstimate.init`'s rule for the whole run, applied to a stretch).
        func batches(records: Double, seconds: Double) -> Double {
            min(records, records / batchLimit + partitions * seconds / max(cycle, window), partitions * (seconds / cycle + 1))
        }
    }
}
