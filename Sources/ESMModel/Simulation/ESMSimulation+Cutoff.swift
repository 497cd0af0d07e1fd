import EventEngine

extension ESMSimulation {
    /// Stops the run at `now` when a rule of `configuration.cutoff` shows it already
    /// missed: the peak lag above its bound, or the drain deadline passed undrained.
    mutating func checkCutoff(at now: SimTime) {
        let cutoff = configuration.cutoff
        if let bound = cutoff.peakOffsetLagAbove, totals.peakLag > bound {
            totals.cutOffAt = now
        } else if let deadline = cutoff.undrainedAt, now >= deadline, drainTime == nil {
            totals.cutOffAt = now
        }
    }
}
