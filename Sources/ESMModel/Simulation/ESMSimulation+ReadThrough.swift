import EventEngine

/// Compressed steps through outside moments that only read the model.
///
/// Samples, scaler readings and the ends of EPU metering periods come every minute or so,
/// while a cycle of a steady stretch can take longer (five partitions on a poller, whose
/// batches differ, repeat only every 35 s in the bench's day). A step that had to end
/// before each of them could never skip a cycle. None of them changes the cycle unless a
/// reading makes the scaler decide a new poller count, so a step may pass them:
///
/// 1. `replayCycle` runs a copy of the model through one more cycle and reads the state
///    at every phase where such a moment falls in the cycles to be skipped, and the most
///    invocations running and records waiting between those readings.
/// 2. `readThrough` takes the moments in order from those readings carried forward whole
///    cycles: it writes the samples' rows, hands the EPU meter each period's bytes, and
///    runs the real scaler on the readings it builds. `passOutsideMoments` runs it as a
///    trial on a copy to find the first moment it may not pass (a reading after which the
///    scaler would change the poller count, a sample that ends a plan's run); the step
///    ends at the last whole cycle before it. The trial becomes the model when it took
///    nothing past that end; otherwise the model passes the moments up to there.
/// 3. `finishReadThrough` leaves what the next moments read as the batch-by-batch run
///    would have: the bytes not yet metered, the scaler's window, the interval's most
///    invocations, and the pending sample and reading moved past the step.
///
/// Every output is the batch-by-batch run's; `CompressionPropertyTests` compares them byte
/// for byte.
extension ESMSimulation {
    /// Passes the outside moments of a step of up to `cycles` cycles from `current`: says
    /// how many whole cycles the step takes, the replay the moments were read from, and
    /// where the pass got to; nil, having passed none, when the replay does not repeat the
    /// cycle or not one whole cycle fits.
    mutating func passOutsideMoments(
        from earlier: SteadyStretch.Snapshot, to current: SteadyStretch.Snapshot, cycles: Int64, queue: EventQueue<ModelEvent>
    ) -> (cycles: Int64, replay: CycleReplay, cursor: ReadThroughCursor)? {
        let period = current.time - earlier.time
        // A sample or reading due now comes after this commit (scheduled an interval ahead,
        // it was behind a batch event scheduled earlier): the step may not pass it.
        guard current.nextSample > current.time, current.nextReading > current.time else { return nil }
        // The meter takes a period's bytes at the first fetch or sample after its end; taking
        // them now is the same, and makes every later period's bytes the replay's.
        advanceMeter(to: current.time)
        var cycles = cycles
        var moments = outsideMoments(after: current.time, through: current.time + cycles * period, current: current)
        if moments.count > SteadyStretch.momentLimit {
            cycles = min(cycles, (moments[SteadyStretch.momentLimit].time - 1 - current.time) / period)
            moments.removeLast(moments.count - SteadyStretch.momentLimit)
        }
        // A cycle that starts environments would count cold starts the step does not.
        guard let replay = replayCycle(from: current, period: period, moments: moments, queue: queue),
              replay.last.coldStarts == replay.first.coldStarts else { return nil }
        // A trial on a copy finds the first moment the step may not pass.
        var trial = self
        let tried = trial.readThrough(moments, replay: replay, arrivalsRepeat: current.arrivalsRepeat)
        if tried.taken < moments.count {
            cycles = min(cycles, (moments[tried.taken].time - 1 - current.time) / period)
        }
        guard cycles >= 1 else { return nil }
        let end = current.time + cycles * period
        let within = moments.prefix { $0.time <= end }.count
        // When the trial took every moment and the step ends after them, it is the pass.
        if within == tried.taken {
            self = trial
            return (cycles, replay, tried)
        }
        // Otherwise it went on to moments of the cycle the step stops short of: the model
        // takes the ones before its end again.
        let cursor = readThrough(Array(moments.prefix(within)), replay: replay, arrivalsRepeat: current.arrivalsRepeat)
        #if ESMSIM_INTERNAL_CHECKS
        precondition(cursor.taken == within, "the trial passed moments the step did not")
        #endif
        return (cycles, replay, cursor)
    }

    /// The samples, scaler readings and metering-period ends after `start` up to `end`, in
    /// the order they are taken.
    ///
    /// - Complexity: O(moments · log moments).
    func outsideMoments(after start: SimTime, through end: SimTime, current: SteadyStretch.Snapshot) -> [OutsideMoment] {
        var moments: [OutsideMoment] = []
        func add(_ kind: OutsideMoment.Kind, from first: SimTime, every interval: SimTime) {
            guard first > start, interval > 0 else { return }
            var time = first
            // A few more than the limit say where the limit cut the step.
            while time <= end && moments.count <= 3 * SteadyStretch.momentLimit {
                moments.append(OutsideMoment(time: time, kind: kind))
                time += interval
            }
        }
        add(.meterBoundary, from: epuMeter.nextBoundary, every: epuMeter.period)
        add(.reading, from: current.nextReading, every: scaler.policy.readingInterval)
        add(.sample, from: current.nextSample, every: configuration.sampleInterval)
        moments.sort()
        return moments
    }

    /// Runs a copy of the model through one more cycle from `current`, reading the state at
    /// the start of the tick of every phase where one of `moments` falls; nil when the copy
    /// does not come back to `current`'s state.
    ///
    /// - Complexity: O(events of a cycle + moments · log moments + readings · (partitions + pollers)).
    func replayCycle(
        from current: SteadyStretch.Snapshot, period: SimTime, moments: [OutsideMoment], queue: EventQueue<ModelEvent>
    ) -> CycleReplay? {
        let start = current.time
        var probes: [(phase: SimTime, partitions: Bool)] = moments.map { ((($0.time - start - 1) % period) + 1, $0.kind == .sample) }
        probes.sort { ($0.phase, $0.partitions ? 0 : 1) < ($1.phase, $1.partitions ? 0 : 1) }
        var phases: [SimTime] = []
        var withPartitions: [Bool] = []
        for probe in probes where phases.last != probe.phase {
            phases.append(probe.phase)
            withPartitions.append(probe.partitions)
        }

        var copy = self
        copy.steady.replaying = true
        copy.steady.longestLead = 0
        copy.totals.recordAges.journal = nil
        copy.epuMeter.suspendBoundaries()
        copy.sampling.intervalMaxConcurrency = copy.concurrency
        copy.readings.throughput.peakWaiting = 0
        var copyQueue = EventQueue<ModelEvent>()
        for pending in queue.pendingInOrder() where pending.event.partition != nil {
            copyQueue.schedule(pending.event, at: pending.time, priority: pending.priority)
        }
        let first = copy.stateReading(coldStarts: copy.environments.coldStarts, partitionOffsets: true)
        var readings: [StateReading] = []
        readings.reserveCapacity(phases.count)
        for (phase, partitionOffsets) in zip(phases, withPartitions) {
            let time = start + phase
            while let next = copyQueue.peekTime(), next < time, let (eventTime, event) = copyQueue.next() {
                copy.handle(event, at: eventTime, queue: &copyQueue)
            }
            copy.settleConcurrency(at: time)
            readings.append(copy.takeReplayReading(partitionOffsets: partitionOffsets))
        }
        // On through the anchor's commit that closes the cycle.
        let end = start + period
        var closed = false
        while !closed, let (eventTime, event) = copyQueue.next(notAfter: end) {
            copy.handle(event, at: eventTime, queue: &copyQueue)
            if case .commit(let partition) = event, partition == steady.anchor, eventTime == end { closed = true }
        }
        guard closed else { return nil }
        let last = copy.takeReplayReading(partitionOffsets: true)
        guard copy.steadySnapshot(at: end, queue: copyQueue).signature == current.signature else { return nil }
        return CycleReplay(
            start: start, period: period, phases: phases, readings: readings, first: first, last: last,
            producedPerCycle: copy.curve.count(at: end) - copy.curve.count(at: start), longestLead: copy.steady.longestLead)
    }

    /// A replay's reading now, with the most invocations running and records waiting since
    /// its previous one; starts the next stretch of both.
    mutating func takeReplayReading(partitionOffsets: Bool) -> StateReading {
        var reading = stateReading(coldStarts: environments.coldStarts, partitionOffsets: partitionOffsets)
        reading.concurrencyMax = Int64(sampling.intervalMaxConcurrency)
        reading.waitingMax = readings.throughput.peakWaiting
        sampling.intervalMaxConcurrency = concurrency
        readings.throughput.peakWaiting = 0
        return reading
    }

    /// Takes `moments` in order from `replay`'s readings, as the skipped cycles would have
    /// met them, and says how far it got. It stops before a sample or reading that batch
    /// events of its tick may precede (scheduled an interval or more ahead), a reading whose
    /// window it cannot build (arrivals that do not repeat with the cycle) or after which
    /// the scaler decides a new poller count, and a sample whose lag stops a plan's run.
    mutating func readThrough(_ moments: [OutsideMoment], replay: CycleReplay, arrivalsRepeat: Bool) -> ReadThroughCursor {
        var cursor = ReadThroughCursor()
        for moment in moments {
            let position = replay.position(of: moment.time)
            let reading = replay.reading(at: moment.time)
            switch moment.kind {
            case .meterBoundary:
                epuMeter.advance(to: moment.time, pollerBytes: cursor.bytesToMeter(reading.pollerBytes))
                cursor.metered = reading.pollerBytes
            case .sample:
                guard replay.longestLead < configuration.sampleInterval else { return cursor }
                let total = curve.count(at: moment.time)
                if let bound = configuration.cutoff.peakOffsetLagAbove,
                   max(total - constants.skippedRecords, 0) - reading.counts.committed > bound {
                    return cursor
                }
                let stretch = replay.highest(replay.concurrencyMaxima, from: cursor.samplePosition ?? 0, to: position, drift: 0) ?? 0
                let carried = cursor.samplePosition == nil ? Int64(sampling.intervalMaxConcurrency) : 0
                appendRow(at: moment.time, total: total, reading: reading, concurrencyMax: Int(max(stretch, carried)))
                cursor.samplePosition = position
                cursor.samples += 1
            case .reading:
                guard arrivalsRepeat, replay.waitingDrift <= 0, replay.longestLead < scaler.policy.readingInterval else { return cursor }
                var window = reading.window(since: cursor.lastReading)
                window.peakWaiting = waitingPeak(replay, from: cursor.readingPosition, to: position)
                var trialReadings = readings
                trialReadings.throughput = window
                let observation = trialReadings.observe(
                    at: moment.time, produced: producedTotal(at: moment.time), fetched: reading.counts.fetched, pollers: pollers.count)
                var trialScaler = scaler
                guard trialScaler.decide(observation) == nil else { return cursor }
                readings = trialReadings
                scaler = trialScaler
                cursor.lastReading = reading
                cursor.readingPosition = position
                cursor.readings += 1
            }
            cursor.taken += 1
        }
        return cursor
    }

    /// The most records seen waiting at commits from position `from` (nil: the replay's
    /// start, with what the scaler's window had seen before it) to `to`.
    func waitingPeak(_ replay: CycleReplay, from: Int64?, to: Int64) -> Int64 {
        let carried = from == nil ? readings.throughput.peakWaiting : 0
        // A window starts at 0 (`ThroughputWindow`), so waiting below 0 never shows.
        return max(carried, replay.highest(replay.waitingMaxima, from: from ?? 0, to: to, drift: replay.waitingDrift) ?? 0, 0)
    }

    /// Leaves, at the end of a step over `cycles` cycles that took the moments `cursor`
    /// says, what the next moments read as the batch-by-batch run would have: the bytes not
    /// yet metered, the scaler's window, the interval's most invocations running; and moves
    /// the pending sample and reading past the ones the step took.
    mutating func finishReadThrough(
        _ cursor: ReadThroughCursor, cycles: Int64, replay: CycleReplay, from current: SteadyStretch.Snapshot,
        queue: inout EventQueue<ModelEvent>
    ) {
        let (nextSample, nextReading, arrivalsRepeat) = (current.nextSample, current.nextReading, current.arrivalsRepeat)
        let end = replay.reading(afterCycles: cycles)
        let endPosition = replay.position(afterCycles: cycles)
        let bytes = cursor.bytesToMeter(end.pollerBytes)
        for index in pollers.indices { pollers[index].bytesUnmetered = bytes[index] }
        // Arrivals that do not repeat with the cycle keep the step within one reading
        // interval, whose peak the observed cycle held (the lag does not grow).
        let peak = arrivalsRepeat ? waitingPeak(replay, from: cursor.readingPosition, to: endPosition) : readings.throughput.peakWaiting
        readings.throughput = end.window(since: cursor.lastReading)
        readings.throughput.peakWaiting = peak
        let stretch = replay.highest(replay.concurrencyMaxima, from: cursor.samplePosition ?? 0, to: endPosition, drift: 0) ?? 0
        sampling.intervalMaxConcurrency = max(Int(stretch), cursor.samplePosition == nil ? sampling.intervalMaxConcurrency : 0)
        // Moved before the batch events, so at a tie with one they still come first; and
        // between themselves in the order the run would have scheduled them, so the one
        // scheduled earlier leaves first at a tie (the run stops at a sample).
        let pending = queue.pendingInOrder().filter { $0.event.partition == nil }
        func rank(_ matches: (ModelEvent) -> Bool) -> Int { pending.firstIndex { matches($0.event) } ?? pending.count }
        var moves: [(scheduled: SimTime, rank: Int, offset: SimTime, matches: (ModelEvent) -> Bool)] = []
        let isSample: (ModelEvent) -> Bool = { if case .sample = $0 { true } else { false } }
        let isReading: (ModelEvent) -> Bool = { if case .evaluate = $0 { true } else { false } }
        if cursor.samples > 0 {
            let offset = cursor.samples * configuration.sampleInterval
            moves.append((nextSample + offset - configuration.sampleInterval, rank(isSample), offset, isSample))
        }
        if cursor.readings > 0 {
            let offset = cursor.readings * scaler.policy.readingInterval
            moves.append((nextReading + offset - scaler.policy.readingInterval, rank(isReading), offset, isReading))
        }
        for move in moves.sorted(by: { ($0.scheduled, $0.rank) < ($1.scheduled, $1.rank) }) {
            queue.shift(by: move.offset, where: move.matches)
        }
        steady.skippedEvents += Int(cursor.samples + cursor.readings)
        steady.passedMoments += cursor.taken
    }
}
