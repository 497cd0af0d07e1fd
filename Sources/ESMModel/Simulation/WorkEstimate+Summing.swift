extension WorkEstimate {
    /// The work of several runs done together (the ESMs of a co-simulation): every figure
    /// added up. `estimates` must not be empty.
    public init(summing estimates: [WorkEstimate]) {
        precondition(!estimates.isEmpty, "a sum of no estimates")
        var total = estimates[0]
        for estimate in estimates.dropFirst() {
            total.records += estimate.records
            total.batches += estimate.batches
            total.invocations += estimate.invocations
            total.throttledAttempts += estimate.throttledAttempts
            total.scalingRateAttempts += estimate.scalingRateAttempts
            total.rows += estimate.rows
            total.partitionVisits += estimate.partitionVisits
            total.distributionSteps += estimate.distributionSteps
            total.events += estimate.events
        }
        self = total
    }
}
