import EventEngine

extension ESMSimulation {
    /// Invocations of the function running at `now`: this ESM's alone, or, co-simulated
    /// with other ESMs on the same function, theirs too, so all of them share its limit.
    mutating func functionConcurrency(at now: SimTime) -> Int {
        guard let sharedConcurrency else { return concurrency }
        return sharedConcurrency.settle(at: now)
    }

    /// Where an invocation starting at `now` would run: on this ESM's own pool, or,
    /// co-simulated, on the function's pool that every ESM on it starts on.
    func environmentAssignment(at now: SimTime) -> ExecutionEnvironmentPool.Assignment {
        sharedConcurrency?.assignment(at: now) ?? environments.assignment(at: now)
    }

    /// Cold starts of this ESM's invocations up to `now` (its samples' running count):
    /// its own pool's, or, co-simulated, those the function's shared pool gave it.
    mutating func coldStarts(through now: SimTime) -> Int64 {
        guard let sharedConcurrency else { return environments.coldStarts }
        totals.sharedColdStarts += sharedConcurrency.takeColdStarts(of: Int(mappingIndex), through: now)
        return totals.sharedColdStarts
    }
}
