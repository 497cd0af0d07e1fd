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
