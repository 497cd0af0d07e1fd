import EventEngine

extension ESMSimulation {
    /// Tries to fetch a batch for a partition that has nothing in flight.
    ///
    /// A batch goes out when it is full (`BatchSize` or the payload limit), or when the
    /// batching window, which starts at the arrival of its first record, has run out. If
    /// neither holds, the partition sleeps until the earlier of the two; with no records
    /// it sleeps until the next one arrives. A ready batch still needs a free slot on its
    /// poller, and waits for the poller's byte budget before its invocation starts.
    mutating func tryFetch(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        if now < partitions[index].pausedUntil {
            sleep(index, until: partitions[index].pausedUntil, queue: &queue)
            return
        }
        let fetched = partitions[index].fetched
        let logEnd = split.count(of: index, total: curve.count(at: now))
        let available = logEnd - fetched
        if available <= 0 {
            if let arrival = arrivalTime(ofRecord: fetched + 1, in: index, atLeast: now) {
                sleep(index, until: arrival, queue: &queue)
            } else {
                partitions[index].phase = .idle
            }
            return
        }
        // The offset whose record completes a batch: BatchSize records the filters let through.
        let fillOffset = offset(reachingMatched: matchedRecords(upTo: fetched) + constants.batchLimit)
        let window = configuration.settings.batchingWindow
        if fillOffset.map({ $0 > logEnd }) ?? true, window > 0 {
            // The record has arrived (available > 0), so its arrival time exists.
            let windowOpened = arrivalTime(ofRecord: fetched + 1, in: index, atLeast: partitions[index].lastFetchedArrival) ?? now
            let deadline = windowOpened + window
            if now < deadline {
                var wake = deadline
                if let fillOffset, let full = arrivalTime(ofRecord: fillOffset, in: index, atLeast: now) {
                    wake = min(wake, full)
                }
                // With its poller's other partitions, the records may fill a batch sooner.
                if let pooled = pooledFillTime(poller: Int(partitions[index].poller), before: wake, at: now) {
                    wake = max(now, pooled)
                }
                if wake > now {
                    sleep(index, until: wake, queue: &queue)
                    return
                }
            }
        }
        let pollerIndex = Int(partitions[index].poller)
        if pollers[pollerIndex].inFlight >= constants.slotsPerPoller {
            partitions[index].phase = .queued
            pollers[pollerIndex].enqueue(Int32(index))
            return
        }
        let lead = takeSlice(
            of: index, upTo: min(logEnd, fillOffset ?? logEnd), room: constants.batchLimit,
            byteRoom: configuration.profile.payloadLimitBytes, keepingOne: true, at: now)
        var payload = PayloadDraft(lead: lead.slice, invokedBytes: lead.invokedBytes, polledBytes: lead.polledBytes)
        if lead.slice.invokedRecords < constants.batchLimit && sharesPayloads(pollerIndex) {
            addSlices(to: &payload, lead: index, poller: pollerIndex, at: now)
        }
        let polledBytes = payload.polledBytes
        let invoked = payload.invokedRecords

        // The poller fetches at most pollerBytesPerSecond: a batch fetched while the
        // previous one's bytes are still streaming starts once they are done, and its
        // invocation cannot start before its own bytes are in (the transfer is part of
        // the poll overhead), so no stretch of time carries more than the rate allows.
        let fetchedAt = max(now, pollers[pollerIndex].bytesFreeAt)
        let transfer = Ticks.seconds(polledBytes / behaviour.pollerBytesPerSecond)
        pollers[pollerIndex].bytesFreeAt = fetchedAt + transfer
        pollers[pollerIndex].inFlight += 1
        advanceMeter(to: now)
        pollers[pollerIndex].bytesUnmetered += polledBytes

        pollers[pollerIndex].pooledFill = nil
        partitions[index].phase = .inFlight
        partitions[index].batchPoller = Int32(pollerIndex)
        partitions[index].batchRecords = invoked
        partitions[index].batchPolledRecords = payload.polledRecords
        partitions[index].batchBytes = polledBytes
        partitions[index].batchAttempts = 0
        partitions[index].batchFailed = false
        partitions[index].batchDroppedRecords = 0
        partitions[index].batchCommittedInvoked = 0
        partitions[index].batchCommittedPolled = 0
        partitions[index].invocationRecords = invoked
        partitions[index].batchFetchedAt = fetchedAt
        partitions[index].batchThrottledTicks = 0
        partitions[index].batchInvocationTicks = 0
        partitions[index].batchFirstArrival = payload.firstArrival
        partitions[index].batchLastArrival = payload.lastArrival
        partitions[index].payloadSlices = payload.spansPartitions ? payload.slices : []
        let invokeAt = fetchedAt + max(constants.pollOverhead, transfer)
        if invoked == 0 {
            // Every record was filtered out: the offsets are committed with no invocation.
            schedule(.commit(Int32(index)), at: invokeAt + constants.commitOverhead, on: &queue)
        } else if constants.throttlingImpossible && !constants.coldStartsTakeTime {
            beginInvocation(index, startingAt: invokeAt, queue: &queue)
        } else {
            schedule(.invokeStart(Int32(index)), at: invokeAt, on: &queue)
        }
    }

    /// Takes the records of partition `index` from its next offset up to `end` into a
    /// slice of a payload: at most `room` records the filters let through and, by their
    /// bytes, at most `byteRoom` (trimmed in proportion, keeping one record if
    /// `keepingOne`). Advances the partition's fetched offset and counts the records polled.
    ///
    /// Returns the slice, the bytes of its invoked records (what the payload limit bounds),
    /// and the bytes polled, filtered-out records included (which take poller throughput).
    mutating func takeSlice(
        of index: Int, upTo end: Int64, room: Int64, byteRoom: Double, keepingOne: Bool, at now: SimTime
    ) -> (slice: PayloadSlice, invokedBytes: Double, polledBytes: Double) {
        let fetched = partitions[index].fetched
        let matchedBefore = matchedRecords(upTo: fetched)
        var records = end - fetched
        var invoked = matchedRecords(upTo: end) - matchedBefore
        if invoked > room {
            invoked = room
            records = (offset(reachingMatched: matchedBefore + room) ?? end) - fetched
        }
        var bytes = batchBytes(invoked)
        if bytes > byteRoom && (invoked > 1 || !keepingOne) {
            let kept = max(keepingOne ? 1 : 0, Int64(Double(invoked) * byteRoom / bytes))
            bytes *= Double(kept) / Double(invoked)
            invoked = kept
            records = kept == 0 ? 0 : (offset(reachingMatched: matchedBefore + kept) ?? fetched + kept) - fetched
        }
        guard records > 0 else {
            return (PayloadSlice(partition: Int32(index), polledRecords: 0, invokedRecords: 0, firstArrival: now, lastArrival: now), 0, 0)
        }
        let polledBytes = records > invoked ? bytes + batchBytes(records - invoked) : bytes
        totals.counts.events.polled += records
        totals.counts.events.filteredOut += records - invoked
        let firstArrival = arrivalTime(ofRecord: fetched + 1, in: index, atLeast: partitions[index].lastFetchedArrival) ?? now
        let lastArrival = arrivalTime(ofRecord: fetched + records, in: index, atLeast: firstArrival) ?? now
        partitions[index].fetched = fetched + records
        partitions[index].lastFetchedArrival = lastArrival
        totals.counts.fetched += records
        let slice = PayloadSlice(
            partition: Int32(index), polledRecords: records, invokedRecords: invoked,
            firstArrival: firstArrival, lastArrival: lastArrival)
        return (slice, bytes, polledBytes)
    }

    /// Records among a partition's first `offset` that the filters match (all without filters).
    func matchedRecords(upTo offset: Int64) -> Int64 {
        constants.filter?.count(of: offset) ?? offset
    }

    /// The smallest offset whose records include `matched` matching ones, or nil when
    /// the filters never match that many.
    func offset(reachingMatched matched: Int64) -> Int64? {
        guard let filter = constants.filter else { return matched }
        return filter.totalNeeded(in: matched)
    }

    /// Puts a partition to sleep until `time`, when a `fetch` event wakes it.
    mutating func sleep(_ index: Int, until time: SimTime, queue: inout EventQueue<ModelEvent>) {
        partitions[index].phase = .waiting
        partitions[index].wakeAt = time
        schedule(.fetch(Int32(index)), at: time, on: &queue)
    }

    /// When the partition's `record`-th record (1-based) arrives or arrived, or nil if it
    /// never will; backlog records count as arriving at time 0.
    ///
    /// `atLeast` must not be later than the true arrival: the search starts there. The
    /// answer is remembered, because a partition asks about the same records again (the
    /// first record's arrival opens the window and later dates the batch; the record that
    /// fills a batch is its wake-up and then its last record).
    mutating func arrivalTime(ofRecord record: Int64, in index: Int, atLeast: SimTime) -> SimTime? {
        if let known = partitions[index].knownArrival(of: record) { return known }
        guard let needed = split.totalNeeded(for: index, records: record) else { return nil }
        if needed <= curve.initialCount { return 0 }
        guard let time = curve.time(reaching: needed, notBefore: max(0, atLeast)) else { return nil }
        partitions[index].remember(arrival: time, of: record)
        return time
    }

    /// The payload of `records` records: exact for a fixed size, otherwise the sum of
    /// `records` sizes by the central limit theorem (never below one byte per record).
    mutating func batchBytes(_ records: Int64) -> Double {
        let count = Double(records)
        guard constants.recordSizeDeviation > 0 else { return count * constants.recordSizeMean }
        let z = Distribution.standardNormal(&random.recordSize)
        return max(count, count * constants.recordSizeMean + count.squareRoot() * constants.recordSizeDeviation * z)
    }
}
