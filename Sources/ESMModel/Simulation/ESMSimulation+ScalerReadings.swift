import EventEngine

extension ESMSimulation {
    /// What the scaler has read of the run between its evaluations.
    struct ScalerReadings {
        /// Records delivered per poller over recent readings.
        var throughput = ThroughputWindow()
        /// When the scaler last read the metrics.
        var lastTime: SimTime = 0
        /// Records produced by `lastTime`.
        var producedAtLast: Int64 = 0
        /// Throttled invocations since the last evaluation.
        var throttlesSinceEvaluation: Int64 = 0
    }
}

extension ESMSimulation.ScalerReadings {
    /// What the scaler reads at `now`, when the topic holds `produced` records (those the
    /// ESM is responsible for), `fetched` of them fetched, and `pollers` run; starts the
    /// next reading's window.
    mutating func observe(at now: SimTime, produced: Int64, fetched: Int64, pollers: Int) -> ScalerObservation {
        let arrived = produced - producedAtLast
        let seconds = Ticks.toSeconds(now - lastTime)
        lastTime = now
        producedAtLast = produced
        throughput.noteWaiting(produced - fetched)
        let observation = ScalerObservation(
            time: now, pollers: pollers, arrivalRate: seconds > 0 ? Double(arrived) / seconds : 0,
            waitingLag: throughput.peakWaiting, throttles: throttlesSinceEvaluation, window: throughput)
        throttlesSinceEvaluation = 0
        throughput = ThroughputWindow()
        return observation
    }
}
