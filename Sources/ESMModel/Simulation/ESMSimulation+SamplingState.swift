extension ESMSimulation {
    /// The rows written so far, and the totals the next row's per-interval counts start from.
    struct Sampling {
        var rows: [TimeSeriesRow] = []
        /// The most invocations running at once since the last row.
        var intervalMaxConcurrency = 0
        var lastInvocations: Int64 = 0
        var lastErrors: Int64 = 0
        var lastThrottles: Int64 = 0
        var lastColdStarts: Int64 = 0
        var lastEvents = EventCounts()
    }
}
