import EventEngine

extension ESMSimulation {
    /// Invocations of the function running at `now`: this ESM's alone, or, co-simulated
    /// with other ESMs on the same function, theirs too, so all of them share its limit.
    mutating func functionConcurrency(at now: SimTime) -> Int {
        guard let sharedConcurrency else { return concurrency }
        return sharedConcurrency.settle(at: now)
    }
}
