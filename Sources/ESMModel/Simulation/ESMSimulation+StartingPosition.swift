import EventEngine

extension ESMSimulation {
    /// Where the ESM starts reading: the topic records it skips (a count from the
    /// topic's start, spread over partitions by the split), and a time no later than the
    /// arrival of the first record it reads.
    ///
    /// - `TRIM_HORIZON` reads everything; `LATEST` skips the backlog.
    /// - `AT_TIMESTAMP` reads the records written at or after `StartingPositionTimestamp`
    ///   (T, seconds on the scenario's clock, 0 being when the ESM starts). The backlog's
    ///   B records were written evenly over the `backlogSpanSeconds` (σ) before time 0:
    ///   record i (1...B) at −σ·(B − i)/B, the newest at 0. So T ≤ −σ reads the whole
    ///   backlog, −σ < T ≤ 0 skips the backlog records older than T, and T > 0 skips the
    ///   backlog and every record produced before T. With σ = 0 the whole backlog is
    ///   dated 0, so it is read whole or (T > 0) skipped whole.
    static func startingPoint(_ configuration: ModelConfiguration, curve: inout ArrivalCurve) -> (skippedRecords: Int64, firstArrival: SimTime) {
        let backlog = configuration.topic.backlogRecords
        switch configuration.settings.startingPosition {
        case .trimHorizon:
            return (0, 0)
        case .latest:
            return (backlog, 0)
        case .atTimestamp:
            let timestamp = configuration.settings.startingPositionTimestamp ?? 0
            let ticks = Ticks.seconds(timestamp)
            if ticks > 0 {
                // Records with arrival ≤ T − 1 tick: those before T.
                return (curve.count(at: ticks - 1), ticks)
            }
            return (skippedBacklog(before: timestamp, backlog: backlog, span: configuration.topic.backlogSpanSeconds), 0)
        }
    }

    /// Backlog records written before `timestamp` (≤ 0): the i with −σ·(B − i)/B < T,
    /// that is i < B·(1 + T/σ).
    static func skippedBacklog(before timestamp: Double, backlog: Int64, span: Double) -> Int64 {
        guard backlog > 0, span > 0 else { return 0 }
        let bound = Double(backlog) * (1 + timestamp / span)
        guard bound > 1 else { return 0 }
        // The integers 1 ..< bound.
        let below = bound.rounded(.up) - 1
        return min(Int64(below), backlog)
    }
}
