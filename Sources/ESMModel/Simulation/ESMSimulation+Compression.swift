import EventEngine

/// Exact compression of steady stretches.
///
/// Between the moments that change anything from outside a partition's cycle (a sample,
/// a scaler reading or actuation, the end of production or a change of its rate, an EPU
/// metering boundary, the horizon), a run with fixed durations repeats one cycle of
/// fetches, invocations and commits: the same events at the same relative times, the
/// same offsets advanced. `compressIfSteady` finds such a cycle by comparing snapshots of
/// the whole state taken at one partition's commits (`SteadyStretch`), then skips as many
/// whole cycles as fit before the next outside moment, advancing every count by the
/// cycle's growth times the cycles skipped and adding the skipped batches' record ages
/// in closed form. Every output is identical to the batch-by-batch run's; the tests
/// compare the two byte for byte.
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
        steady.handled += 1
        // Under `CoSimulation` the queue handed in holds only this event's follow-ups and the
        // concurrency is shared, so nothing here describes the whole state.
        guard steady.eligible, sharedConcurrency == nil else { return }
        switch event {
        case .fetch, .invokeStart, .invokeEnd:
            return
        case .commit(let partition):
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
            for earlier in steady.history.reversed() where earlier.signatureHash == snapshot.signatureHash && earlier.signature == snapshot.signature {
                if skipCycles(from: earlier, to: snapshot, queue: &queue) { return resetSteadyStretch() }
            }
            guard steady.snapshotsTaken < steady.budget else {
                // Out of snapshots until the next outside moment: stop recording ages for them.
                steady.history.removeAll(keepingCapacity: true)
                totals.recordAges.journal = nil
                return
            }
            steady.history.append(snapshot)
            if steady.history.count > SteadyStretch.historyLimit { dropOldestSnapshot() }
        case .actuate:
            resetSteadyStretch()
            steady.pausedUntil = partitions.reduce(steady.pausedUntil) { max($0, $1.pausedUntil) }
        case .evaluate, .productionEnded, .sample:
            resetSteadyStretch()
        }
    }

    /// Forgets the snapshots: the state changed from outside the cycle.
    mutating func resetSteadyStretch() {
        steady.anchor = nil
        // A search that found nothing gets half the snapshots next time, down to a few.
        if steady.snapshotsTaken >= steady.budget { steady.budget = max(steady.budget / 2, SteadyStretch.minimumBudget) }
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

    /// The counts that grow by the same amount every cycle, besides each partition's offsets.
    static var cycleCounts: [WritableKeyPath<ESMSimulation, Int64>] {
        let events: WritableKeyPath<ESMSimulation, EventCounts> = \.totals.events
        let eventPaths: [WritableKeyPath<ESMSimulation, Int64>] = EventCounts.fields.map { events.appending(path: $0.field) }
        let scalars: [WritableKeyPath<ESMSimulation, Int64>] = [
            \.totals.committed, \.totals.processed, \.totals.dropped, \.totals.fetched, \.totals.invocations,
            \.totals.errors, \.totals.throttles, \.totals.billedMilliseconds, \.readings.throughput.batches,
            \.readings.throughput.records, \.readings.throughput.slotTicks, \.readings.throughput.invocationTicks,
            \.readings.throttlesSinceEvaluation,
        ]
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
        var bytes: [Double] = []
        signature.append(Int64(pollers.count))
        for poller in pollers {
            bytes.append(poller.bytesUnmetered)
            signature.append(contentsOf: [Int64(poller.inFlight), max(poller.bytesFreeAt - now, 0), Int64(poller.waiting.count)])
            signature.append(contentsOf: poller.waiting.map(Int64.init))
            if let fill = poller.pooledFill {
                signature.append(contentsOf: [1, fill.time.map { $0 - now } ?? Int64.min, fill.horizon - now])
                lookahead = max(lookahead, fill.horizon - now, (fill.time ?? now) - now)
            } else {
                signature.append(0)
            }
        }
        bytes.append(readings.throughput.bytes)
        for path in Self.cycleCounts { counts.append(self[keyPath: path]) }

        signature.append(Int64(concurrency))
        for change in concurrencyChanges.pendingInOrder() {
            signature.append(contentsOf: [change.time - now, Int64(change.priority.rawValue), change.event ? 1 : 0])
        }
        signature.append(-1)
        for start in invokedRecordStarts.pendingInOrder() { signature.append(contentsOf: [start.time - now, start.event]) }
        signature.append(-1)
        var nextOutsideEvent = min(epuMeter.nextBoundary, configuration.horizon + 1)
        // A plan's drain deadline stops the run at the first event at or after it.
        if let deadline = configuration.cutoff.undrainedAt, deadline > now { nextOutsideEvent = min(nextOutsideEvent, deadline) }
        for pending in queue.pendingInOrder() {
            guard let partition = pending.event.partition else {
                nextOutsideEvent = min(nextOutsideEvent, pending.time)
                continue
            }
            lookahead = max(lookahead, pending.time - now)
            signature.append(contentsOf: [
                pending.time - now, Int64(pending.priority.rawValue), Int64(pending.event.kindCode), Int64(partition),
            ])
        }
        // Absolute: the cycle repeats only within one metering period and with unmoved streams.
        signature.append(epuMeter.nextBoundary)
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
            signature: signature, signatureHash: signature.hashValue, counts: counts, bytes: bytes, random: random, nextOutsideEvent: nextOutsideEvent,
            produced: produced, rateChange: rateChange, lookahead: lookahead)
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
            for path in [\ESMSimulation.totals.committed, \ESMSimulation.totals.fetched] {
                let position = offsets + Self.cycleCounts.firstIndex(of: path)!
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
            pollers[index].bytesUnmetered += Double(cycles) * (current.bytes[index] - earlier.bytes[index])
            if pollers[index].pooledFill != nil {
                pollers[index].pooledFill!.horizon += shift
                pollers[index].pooledFill!.time? += shift
            }
        }
        let lastBytes = current.bytes.count - 1
        readings.throughput.bytes += Double(cycles) * (current.bytes[lastBytes] - earlier.bytes[lastBytes])
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
        steady.budget = SteadyStretch.snapshotBudget
        checkAfterSkip(at: current.time + shift)
        return true
    }
}
