import EventEngine

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
            total.concurrencyReached += estimate.concurrencyReached
            total.rows += estimate.rows
            total.partitionVisits += estimate.partitionVisits
            total.distributionSteps += estimate.distributionSteps
            total.events += estimate.events
        }
        self = total
    }

    /// The work of the ESMs of one function simulated together (`CoSimulation`): every
    /// figure added up, except that the scaling rate throttles one ramp of the function to
    /// all the ESMs' concurrency at once, since they share its execution environments.
    /// `configurations` must not be empty and share the function and profile.
    public init(coSimulating configurations: [ModelConfiguration]) {
        let estimates = configurations.map(WorkEstimate.init)
        var total = WorkEstimate(summing: estimates)
        let function = configurations[0]
        let concurrent = min(total.concurrencyReached, Double(max(function.function.concurrencyLimit, 0)))
        let shared = Self.scalingRateThrottles(function, concurrent: concurrent, horizon: Ticks.toSeconds(max(function.horizon, 0)))
        total.throttledAttempts += shared - total.scalingRateAttempts
        total.events += shared - total.scalingRateAttempts
        total.scalingRateAttempts = shared
        total.concurrencyReached = concurrent
        self = total
    }
}
