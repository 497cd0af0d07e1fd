import EventEngine

/// Exact compression of steady stretches.
///
/// Between the moments that change anything from outside a partition's cycle (an
/// actuation, the end of production or a change of its rate, the horizon, a scaler
/// reading that decides a new poller count), a run with fixed durations repeats one cycle
/// of fetches, invocations and commits: the same events at the same relative times, the
/// same offsets advanced. `compressIfSteady` finds such a cycle by comparing hashes of
/// the whole state taken at one partition's commits (`SteadyStretch`), replays one more
/// cycle on a copy to confirm it and to read the moments in between that only read the
/// state (samples, scaler readings, EPU metering periods: `ESMSimulation+ReadThrough`),
/// then skips as many whole cycles as fit before the next outside moment, advancing every
/// count by the cycle's growth times the cycles skipped and adding the skipped batches'
/// record ages in closed form. Every output is identical to the batch-by-batch run's; the
/// tests compare the two byte for byte.
///
/// Only cycles whose every output is linear in the cycle count are skipped. Each
/// partition is in one of two modes:
/// - working off its share of the backlog: every record it fetches over the skipped
///   cycles arrived at 0 and a full batch remains after the last, so every batch is
///   full, dated 0, and what arrives meanwhile changes nothing it does;
/// - fetching production (past its backlog): the arrivals repeat with the cycle, which
///   the snapshots check: the same rate stretch (`ArrivalCurve.rateStretch`), the same
///   phase of the count within it, the same topic count modulo the split's period
///   (`PartitionSplit.period`), and the same records waiting in the partition; and the
///   skipped cycles, with what their pending events were decided from, end before the
///   rate changes.
///
/// Besides, the random streams did not move over the observed cycle (fixed durations, no
/// error draws), which the snapshots compare; the lag the commits read (the peak lag,
/// the records waiting) does not grow from cycle to cycle, so its peak was seen in the
/// observed cycle; no batch mixes backlog and production records, so each batch's ages
/// grow by a cycle (backlog) or stay (production); and `CompressionEligibility` holds.
extension ESMSimulation {
    /// Called after every handled event: counts it, snapshots at the anchor partition's
    /// commits, and skips whole cycles when a snapshot repeats an earlier one.
    mutating func compressIfSteady(after event: ModelEvent, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        // Under `CoSimulation` the queue handed in holds only this event's follow-ups and the
        // concurrency is shared, so nothing here describes the whole state.
        guard steady.eligible, sharedConcurrency == nil, !steady.replaying else { return }
        switch event {
        case .fetch, .invokeStart, .invokeEnd:
            steady.handled += 1
            return
        case .commit(let partition):
            steady.handled += 1
            guard drainTime == nil, settledAt == nil, steady.whileProducing || now >= curve.productionEnd else {
                return resetSteadyStretch()
            }
            guard now >= steady.pausedUntil else { return }
            if steady.anchor == nil {
                steady.anchor = partition
                totals.recordAges.journal = []
            }
            guard steady.anchor == partition, steady.snapshotsTaken < steady.budget else { return }
            steady.snapshotsTaken += 1
            let snapshot = steadySnapshot(at: now, queue: queue)
            // Hashes only: the replay (`replayCycle`) checks the whole state a cycle later.
            for earlier in steady.history.reversed() where earlier.signatureHash == snapshot.signatureHash {
                if skipCycles(from: earlier, to: snapshot, queue: &queue) { return resetSteadyStretch() }
            }
            guard steady.snapshotsTaken < steady.budget else {
                // Out of snapshots until the next outside moment: stop recording ages for them.
                steady.history.removeAll(keepingCapacity: true)
                totals.recordAges.journal = nil
                return
            }
            // The history keeps no signatures, only what a step takes from the earlier snapshot.
            var kept = snapshot
            kept.signature = []
            steady.history.append(kept)
            if steady.history.count > SteadyStretch.historyLimit(countWords: snapshot.counts.count) { dropOldestSnapshot() }
        case .actuate:
            resetSteadyStretch()
            steady.pausedUntil = partitions.reduce(steady.pausedUntil) { max($0, $1.pausedUntil) }
        case .evaluate, .sample:
            // Only read the state (`ESMSimulation+ReadThrough`): the search goes on across
            // them. A search out of snapshots starts again, with fewer; so does one whose
            // anchor has not committed since the last such moment, or whose record ages
            // since its oldest snapshot outgrow the history, so its memory stays bounded.
            let stalled = steady.snapshotsTaken == steady.snapshotsAtLastMoment
                || (totals.recordAges.journal?.count ?? 0) > SteadyStretch.historyWords
            if steady.snapshotsTaken >= steady.budget || (stalled && steady.anchor != nil) {
                resetSteadyStretch(searchFailed: true)
            }
            steady.snapshotsAtLastMoment = steady.snapshotsTaken
        case .productionEnded:
            resetSteadyStretch()
        }
    }

    /// Forgets the snapshots: the state changed from outside the cycle, or the search
    /// gave up (`searchFailed`, which a search out of snapshots always did).
    mutating func resetSteadyStretch(searchFailed: Bool = false) {
        steady.anchor = nil
        if searchFailed || steady.snapshotsTaken >= steady.budget { steady.searchFailed() }
        steady.snapshotsTaken = 0
        steady.history.removeAll(keepingCapacity: true)
        totals.recordAges.journal = nil
    }

    /// Drops the oldest snapshot and the age additions only it still needed.
    mutating func dropOldestSnapshot() {
        steady.history.removeFirst()
        let unneeded = steady.history[0].journalCount
        totals.recordAges.journal?.removeFirst(unneeded)
        for index in steady.history.indices { steady.history[index].journalCount -= unneeded }
    }

    /// The counts that grow by the same amount every cycle, besides each partition's
    /// offsets: the run's counts (`RunCounts.scalars`, first), billed time, then events.
    static var cycleCounts: [WritableKeyPath<ESMSimulation, Int64>] {
        let counts: WritableKeyPath<ESMSimulation, RunCounts> = \.totals.counts
        let events = counts.appending(path: \.events)
        let eventPaths: [WritableKeyPath<ESMSimulation, Int64>] = EventCounts.fields.map { events.appending(path: $0.field) }
        let scalars = RunCounts.scalars.map { counts.appending(path: $0) } + [\.totals.billedMilliseconds]
        return scalars + eventPaths
    }

    /// The state at `now`, taken apart for comparison and for growth.
    ///
    /// - Complexity: O(partitions + pollers + pending events · log pending events).
    mutating func steadySnapshot(at now: SimTime, queue: EventQueue<ModelEvent>) -> SteadyStretch.Snapshot {
        var signature: [Int64] = []
        signature.reserveCapacity(partitions.count * 8 + queue.count * 4 + 64)
        var counts: [Int64] = []
        counts.reserveCapacity(partitions.count * 2 + 24)
        let producing = now < curve.productionEnd
        let produced = curve.count(at: now)
        var fetchingProduction = false
        var lookahead: SimTime = 0
        // Backlog records are dated 0 whenever they are fetched; later ones relative to now.
        func arrival(_ time: SimTime) -> Int64 { time == 0 ? 0 : time - now - 1 }
        for (index, partition) in partitions.enumerated() {
            counts.append(partition.fetched)
            counts.append(partition.committed)
            signature.append(contentsOf: [
                Int64(partition.phase.rawValue), Int64(partition.poller), max(partition.pausedUntil - now, 0),
                arrival(partition.lastFetchedArrival), Int64(partition.payloadLead),
            ])
            if producing {
                if partition.fetched >= steady.backlog[index] {
                    fetchingProduction = true
                    signature.append(contentsOf: [1, split.count(of: index, total: produced) - partition.fetched])
                } else {
                    signature.append(0)
                }
            }
            switch partition.phase {
            case .waiting:
                signature.append(partition.wakeAt - now)
            case .inFlight where partition.payloadLead >= 0:
                // Riding in another partition's payload: its batch fields are stale; the lead's slices say what it carries.
                break
            case .inFlight:
                signature.append(contentsOf: [
                    Int64(partition.batchPoller), partition.batchRecords, partition.batchPolledRecords,
                    Int64(bitPattern: partition.batchBytes.bitPattern), Int64(partition.batchAttempts),
                    partition.batchFailed ? 1 : 0, partition.batchDroppedRecords, partition.invocationRecords,
                    partition.batchFetchedAt - now, partition.batchThrottledTicks, partition.batchInvocationTicks,
                    arrival(partition.batchFirstArrival), arrival(partition.batchLastArrival), Int64(partition.pendingParts.count),
                    Int64(partition.payloadSlices.count),
                ])
                for part in partition.pendingParts { signature.append(contentsOf: [part.records, Int64(part.attempts)]) }
                for slice in partition.payloadSlices {
                    signature.append(contentsOf: [
                        Int64(slice.partition), slice.polledRecords, slice.invokedRecords, arrival(slice.firstArrival), arrival(slice.lastArrival),
                    ])
                }
            case .idle, .queued:
                break
            }
        }
        signature.append(Int64(pollers.count))
        for poller in pollers {
            signature.append(contentsOf: [Int64(poller.inFlight), max(poller.bytesFreeAt - now, 0), Int64(poller.waiting.count)])
            signature.append(contentsOf: poller.waiting.map(Int64.init))
            if let fill = poller.pooledFill {
                signature.append(contentsOf: [1, fill.time.map { $0 - now } ?? Int64.min, fill.horizon - now])
                lookahead = max(lookahead, fill.horizon - now, (fill.time ?? now) - now)
            } else {
                signature.append(0)
            }
        }
        for path in Self.cycleCounts { counts.append(self[keyPath: path]) }

        signature.append(Int64(concurrency))
        for change in concurrencyChanges.pendingInOrder() {
            signature.append(contentsOf: [change.time - now, Int64(change.priority.rawValue), change.event ? 1 : 0])
        }
        signature.append(-1)
        for start in invokedRecordStarts.pendingInOrder() { signature.append(contentsOf: [start.time - now, start.event]) }
        signature.append(-1)
        var nextOutsideEvent = configuration.horizon + 1
        var nextSample = SimTime.max, nextReading = SimTime.max
        // A plan's drain deadline stops the run at the first event at or after it.
        if let deadline = configuration.cutoff.undrainedAt, deadline > now { nextOutsideEvent = min(nextOutsideEvent, deadline) }
        for pending in queue.pendingInOrder() {
            guard let partition = pending.event.partition else {
                switch pending.event {
                case .sample: nextSample = min(nextSample, pending.time)
                case .evaluate: nextReading = min(nextReading, pending.time)
                default: nextOutsideEvent = min(nextOutsideEvent, pending.time)
                }
                continue
            }
            lookahead = max(lookahead, pending.time - now)
            signature.append(contentsOf: [
                pending.time - now, Int64(pending.priority.rawValue), Int64(pending.event.kindCode), Int64(partition),
            ])
        }
        var rateChange = SimTime.max
        if producing {
            let stretch = curve.rateStretch(at: now)
            rateChange = stretch.end
            signature.append(contentsOf: [stretch.end, stretch.gap ? 1 : 0])
            // Only partitions fetching production see the arrivals' pattern.
            if fetchingProduction {
                signature.append(contentsOf: [stretch.phase, steady.splitPeriod > 0 ? produced % steady.splitPeriod : -1 - produced])
            }
        }
        return SteadyStretch.Snapshot(
            time: now, handled: steady.handled, journalCount: totals.recordAges.journal?.count ?? 0,
            signature: signature, signatureHash: signature.hashValue, counts: counts, random: random, nextOutsideEvent: nextOutsideEvent,
            nextSample: nextSample, nextReading: nextReading, lastReading: readings.lastTime,
            arrivalsRepeat: !producing || fetchingProduction, produced: produced, rateChange: rateChange, lookahead: lookahead)
    }

    /// Skips the whole cycles of length `current.time − earlier.time` that fit before the
    /// next outside moment, before the arrival rate changes, and before any partition
    /// working off its backlog runs short of full backlog batches; false, changing
    /// nothing, when not one fits or the cycle is not one this path repeats.
    mutating func skipCycles(
        from earlier: SteadyStretch.Snapshot, to current: SteadyStretch.Snapshot, queue: inout EventQueue<ModelEvent>
    ) -> Bool {
        let period = current.time - earlier.time
        guard period > 0, earlier.random == current.random else { return false }
        // Arrivals that do not repeat with the cycle leave the scaler's window unknown
        // between its readings, so such a cycle must be seen within one.
        guard current.arrivalsRepeat || earlier.lastReading == current.lastReading else { return false }
        // The skipped cycles' events all come before the next outside moment, and what they
        // were decided from comes before the rate changes.
        let latest = min(current.nextOutsideEvent - 1, current.rateChange - current.lookahead)
        var cycles = (latest - current.time) / period
        guard cycles >= 1 else { return false }
        let producing = current.time < curve.productionEnd
        if producing {
            // The lag the commits read must not grow, or its peak would lie in a skipped cycle.
            let offsets = 2 * partitions.count
            let produced = current.produced - earlier.produced
            // `cycleCounts` starts with the run's counts, in `RunCounts.scalars` order.
            for path in [\RunCounts.committed, \RunCounts.fetched] {
                let position = offsets + RunCounts.scalars.firstIndex(of: path)!
                guard produced <= current.counts[position] - earlier.counts[position] else { return false }
            }
        }
        for index in partitions.indices {
            let advance = current.counts[2 * index] - earlier.counts[2 * index]
            guard advance > 0 else {
                if advance < 0 { return false }
                continue
            }
            if producing && partitions[index].fetched >= steady.backlog[index] {
                // Fetching production, whose arrivals repeat with the cycle (the signature says so).
                guard steady.splitPeriod > 0 else { return false }
                continue
            }
            // Backlog records left after a full batch more: every batch of the cycles is full and dated 0.
            let room = steady.backlog[index] - constants.batchLimit - partitions[index].fetched
            guard room >= 0 else { return false }
            cycles = min(cycles, room / advance)
        }
        guard cycles >= 1 else { return false }
        var ageSteps: [SimTime] = []
        if let journal = totals.recordAges.journal {
            for addition in journal[earlier.journalCount..<current.journalCount] {
                guard let step = addition.ageStep(period: period) else { return false }
                ageSteps.append(step)
            }
        }
        guard let pass = passOutsideMoments(from: earlier, to: current, cycles: cycles, queue: queue) else { return false }
        cycles = pass.cycles
        finishReadThrough(pass.cursor, cycles: cycles, replay: pass.replay, from: current, queue: &queue)
        let shift = cycles * period

        for index in partitions.indices {
            partitions[index].fetched += cycles * (current.counts[2 * index] - earlier.counts[2 * index])
            partitions[index].committed += cycles * (current.counts[2 * index + 1] - earlier.counts[2 * index + 1])
            partitions[index].shiftArrivals(by: shift)
            switch partitions[index].phase {
            case .waiting: partitions[index].wakeAt += shift
            case .inFlight: partitions[index].batchFetchedAt += shift
            case .idle, .queued: break
            }
        }
        for index in pollers.indices {
            if pollers[index].bytesFreeAt > current.time { pollers[index].bytesFreeAt += shift }
            if pollers[index].pooledFill != nil {
                pollers[index].pooledFill!.horizon += shift
                pollers[index].pooledFill!.time? += shift
            }
        }
        let offsets = 2 * partitions.count
        for (position, path) in Self.cycleCounts.enumerated() {
            self[keyPath: path] += cycles * (current.counts[offsets + position] - earlier.counts[offsets + position])
        }
        if let journal = totals.recordAges.journal {
            for (addition, step) in zip(journal[earlier.journalCount..<current.journalCount], ageSteps) {
                totals.recordAges.addRepeated(addition, step: step, count: cycles)
            }
        }
        queue.shift(by: shift) { $0.partition != nil }
        concurrencyChanges.shift(by: shift) { _ in true }
        environments.shift(by: shift)
        invokedRecordStarts.shift(by: shift) { _ in true }
        steady.skippedEvents += Int(cycles) * (current.handled - earlier.handled)
        steady.steps += 1
        steady.searchSucceeded()
        checkAfterSkip(at: current.time + shift)
        return true
    }
}

