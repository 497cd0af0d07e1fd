import EventEngine

extension WorkEstimate {
    /// Cycles seen per steady stretch: the snapshots a backlog drain takes to see one
    /// repeat and the two around them, each about a batch per partition, doubled for
    /// cycles that span two anchor commits.
    static let cyclesPerStretch = Double(2 * (SteadyStretch.typicalSnapshots + 2))

    /// The batches a compressed run simulates one by one, or nil when the run cannot be
    /// compressed at all (`CompressionEligibility`).
    ///
    /// A run advances steady stretches in one step, passing samples, scaler readings and
    /// metering periods (`ESMSimulation+ReadThrough`); a stretch ends where the rate or
    /// the poller count changes. Each stretch simulates the cycles it takes to see one
    /// repeat. Production is steady only in pieces whose arrivals repeat
    /// (`ArrivalCurve.repetitionTicks`) a few times within the piece and within the
    /// search's history; the other pieces, and the repeats a steady piece is seen
    /// through, are counted batch by batch. The poller count is taken to change at most
    /// twice per poller it may range over in each steady piece and in the backlog drain,
    /// and at most once per outside moment.
    ///
    /// An estimate: a run that finds fewer steady cycles costs more, up to
    /// `uncompressedEvents`, which its event budget bounds.
    /// - Complexity: O(production pieces before the horizon).
    static func compressedBatches(_ configuration: ModelConfiguration, behaviour: ScalingBehaviour, shape: RunShape) -> Double? {
        let constants = ESMSimulation.Constants(configuration, behaviour: behaviour, skippedRecords: 0)
        let eligibility = CompressionEligibility(configuration, constants: constants)
        guard eligibility.allows else { return nil }
        let horizonTicks = max(configuration.horizon, 0)
        var oneByOne = 0.0
        var steadyPieces = 0.0
        for piece in configuration.production.pieces where piece.start < horizonTicks {
            let seconds = Ticks.toSeconds(min(piece.end, horizonTicks) - piece.start)
            // The backlog read meanwhile is counted with the piece it is read in.
            let records = piece.recordsPerSecond * seconds + shape.backlog * seconds / max(shape.horizon, 1)
            if let repetition = steadyRepetition(of: piece, seconds: seconds, eligibility: eligibility, shape: shape) {
                steadyPieces += 1
                oneByOne += shape.batches(records: records * repetition / seconds, seconds: repetition)
            } else {
                oneByOne += shape.batches(records: records, seconds: seconds)
            }
        }
        let pollerMoves = 2 * Double(shape.pollerBounds.ceiling - shape.pollerBounds.floor + 1)
        let stretches = min(shape.moments, (steadyPieces + 1) * (pollerMoves + 1))
        return oneByOne + stretches * cyclesPerStretch * shape.partitions
    }

    /// The seconds of `piece` (lasting `seconds`) simulated one by one before its cycle
    /// is found to repeat; nil when the piece is not steady for the estimate: the run
    /// cannot compress while producing, or that time does not fit in the piece.
    ///
    /// The state repeats only when the arrivals (`ArrivalCurve.repetitionTicks`) and every
    /// poller's round of batches come back together, which can take far longer than
    /// either; so a piece counts as steady only if it outlasts three repetitions of its
    /// arrivals and the cycles of a full search (`SteadyStretch.snapshotBudget`), and that
    /// much of it is counted batch by batch. Shorter pieces are counted whole: in random
    /// schedules of pieces of a few minutes about half of them compress (`CompressionPropertyTests`).
    static func steadyRepetition(
        of piece: ProductionSchedule.Piece, seconds: Double, eligibility: CompressionEligibility, shape: RunShape
    ) -> Double? {
        guard let splitPeriod = eligibility.splitPeriod,
              let ticks = ArrivalCurve.repetitionTicks(recordsPerSecond: piece.recordsPerSecond, splitPeriod: splitPeriod)
        else { return nil }
        let search = Double(SteadyStretch.snapshotBudget) * max(shape.cycle, shape.window)
        let cycleTicks = max(Ticks.seconds(shape.cycle), 1)
        let joint = Double(ticks / ExactRatio.gcd(ticks, cycleTicks)) * Double(cycleTicks)
        let repetition = max(3 * Ticks.toSeconds(SimTime(min(joint, 1e18))), search)
        return repetition <= seconds ? repetition : nil
    }
}
