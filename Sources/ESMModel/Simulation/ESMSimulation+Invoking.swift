import EventEngine

extension ESMSimulation {
    /// Starts the invocation of a partition's batch now, or throttles it when the
    /// function is at its concurrency limit or needs a new environment the scaling rate
    /// does not allow yet (the path for retries, and for every batch when throttling or
    /// cold-start time is possible at all).
    mutating func startInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        settleConcurrency(at: now)
        let assignment = environmentAssignment(at: now)
        if functionConcurrency(at: now) >= configuration.function.concurrencyLimit || assignment == .throttled {
            totals.counts.throttles += 1
            readings.throttlesSinceEvaluation += 1
            partitions[index].batchThrottledTicks += constants.throttleRetry
            schedule(.invokeStart(Int32(index)), at: now + constants.throttleRetry, on: &queue)
            return
        }
        beginInvocation(index, startingAt: now, coldStart: assignment == .cold, queue: &queue)
        settleConcurrency(at: now)
    }

    /// Commits a batch to an invocation starting at `start` (now or later): draws its
    /// duration and outcome and schedules what follows its end.
    ///
    /// Concurrency is not touched here: the start and end go into `concurrencyChanges`
    /// and are counted, in time order, by `settleConcurrency`. That lets a batch whose
    /// invocation cannot be throttled skip the start event altogether. Records past
    /// `MaximumRecordAgeInSeconds` at `start` are given up on first; a batch with nothing
    /// left is committed without an invocation. A `coldStart` runs the new environment's
    /// Init phase first, billed with the invocation (Lambda bills Init for every
    /// configuration since 2025-08-01, BLOG "AWS Lambda standardizes billing for INIT Phase").
    mutating func beginInvocation(
        _ index: Int, startingAt start: SimTime, coldStart: Bool = false, queue: inout EventQueue<ModelEvent>
    ) {
        guard dropExpiredRecords(index, at: start) else {
            schedule(.commit(Int32(index)), at: start + constants.commitOverhead, on: &queue)
            return
        }
        let function = configuration.function
        invokedRecordStarts.schedule(partitions[index].invocationRecords, at: start)
        let records = partitions[index].invocationRecords
        let (duration, timedOut) = coldStart
            ? function.sampleColdInvocation(records: records, initializations: &random.initialization, durations: &random.duration)
            : function.sampleInvocation(records: records, &random.duration)
        totals.billedMilliseconds += (duration + Ticks.perMillisecond - 1) / Ticks.perMillisecond
        // The error stream is drawn whether or not the invocation timed out, so a timeout
        // does not shift the errors of later invocations.
        let erred = function.errorProbability > 0 && random.errors.nextUnit() < function.errorProbability
        let failedRecord = timedOut || erred ? nil : firstFailedRecord(of: partitions[index].invocationRecords)
        let reportsItems = configuration.settings.reportBatchItemFailures
        // Without ReportBatchItemFailures a failed record fails the whole invocation.
        let failed = timedOut || erred || (failedRecord != nil && !reportsItems)
        partitions[index].batchFailed = failed
        partitions[index].reportedFailureAt = reportsItems ? failedRecord ?? -1 : -1
        partitions[index].batchInvocationTicks += duration
        let end = start + duration
        concurrencyChanges.schedule(true, at: start, priority: .normal)
        concurrencyChanges.schedule(false, at: end, priority: .urgent)
        sharedConcurrency?.invocation(of: mappingIndex, from: start, to: end)
        // A success of the whole batch needs nothing at its end but the commit; failures
        // and parts of a split batch decide what follows at the end.
        if failed || partitions[index].reportedFailureAt >= 0 || !partitions[index].pendingParts.isEmpty {
            schedule(.invokeEnd(Int32(index)), at: end, on: &queue)
        } else {
            schedule(.commit(Int32(index)), at: end + constants.commitOverhead, on: &queue)
        }
    }

    /// Applies every invocation start and end up to `now`, in time order: concurrency,
    /// its maxima, the invocation count, and the environments (cold starts among them),
    /// unless co-simulated: the function's shared pool then places them (`FunctionConcurrency`).
    mutating func settleConcurrency(at now: SimTime) {
        while let (_, records) = invokedRecordStarts.next(notAfter: now) { totals.counts.events.invoked += records }
        let ownPool = sharedConcurrency == nil
        while let (time, isStart) = concurrencyChanges.next(notAfter: now) {
            guard isStart else {
                concurrency -= 1
                if ownPool { environments.release(at: time) }
                continue
            }
            if ownPool { checkEnvironment(environments.acquire(at: time), at: time) }
            concurrency += 1
            totals.counts.invocations += 1
            if concurrency > sampling.intervalMaxConcurrency { sampling.intervalMaxConcurrency = concurrency }
            if concurrency > totals.maxConcurrency {
                totals.maxConcurrency = concurrency
                totals.timeOfMaxConcurrency = time
            }
        }
    }

    /// Ends an invocation that needs a decision. A success moves on to the next part of a
    /// split batch. A failure past `MaximumRetryAttempts` gives its records up (to the
    /// on-failure destination); otherwise, after the profile's retry delay, the records
    /// are invoked again: halved first when `BisectBatchOnFunctionError` is on. A partial
    /// failure the function reported (`ReportBatchItemFailures`) is retried from the first
    /// failed record: the records before it are done, and are not sent again.
    mutating func endInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        let succeeded = partitions[index].reportedFailureAt
        if succeeded >= 0 {
            partitions[index].reportedFailureAt = -1
            commitBeforeReportedFailure(index, succeeded: succeeded, at: now)
            partitions[index].invocationRecords -= succeeded
        } else if !partitions[index].batchFailed {
            startNextPart(index, at: now, queue: &queue)
            return
        } else {
            // A partial batch response is a successful invocation: not in Errors.
            totals.counts.errors += 1
        }
        totals.counts.events.failedInvoke += partitions[index].invocationRecords
        partitions[index].batchAttempts += 1
        let attempts = partitions[index].batchAttempts
        if let limit = constants.retryLimit, Int(attempts) > limit {
            partitions[index].batchDroppedRecords += partitions[index].invocationRecords
            startNextPart(index, at: now, queue: &queue)
            return
        }
        let records = partitions[index].invocationRecords
        if succeeded < 0 && configuration.settings.bisectBatchOnFunctionError && records > 1 {
            let kept = records / 2
            partitions[index].invocationRecords = kept
            partitions[index].pendingParts.append((records - kept, attempts))
        }
        schedule(.invokeStart(Int32(index)), at: now + constants.errorRetry, on: &queue)
    }

    /// Invokes the next part of the batch at once, or commits when none is left.
    mutating func startNextPart(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        guard let next = partitions[index].pendingParts.popLast() else {
            schedule(.commit(Int32(index)), at: now + constants.commitOverhead, on: &queue)
            return
        }
        partitions[index].invocationRecords = next.records
        partitions[index].batchAttempts = next.attempts
        startInvocation(index, at: now, queue: &queue)
    }

    /// Gives up on the records of the batch's remaining parts that are older than
    /// `MaximumRecordAgeInSeconds` at `time`; false when no part has a record left.
    ///
    /// The batch's records are taken to have arrived evenly between its first and last
    /// arrival, and parts are invoked in offset order, so the oldest records are the
    /// current part's first ones.
    mutating func dropExpiredRecords(_ index: Int, at time: SimTime) -> Bool {
        guard let maximumAge = configuration.settings.maximumRecordAge else { return true }
        let cutoff = time - maximumAge
        while true {
            let batch = partitions[index]
            guard batch.batchFirstArrival < cutoff else { return true }
            let span = batch.batchLastArrival - batch.batchFirstArrival
            let expiredInBatch = span <= 0 || cutoff > batch.batchLastArrival
                ? batch.batchRecords
                : min(batch.batchRecords, Int64((Double(cutoff - batch.batchFirstArrival) / Double(span) * Double(batch.batchRecords)).rounded(.up)))
            let pending = batch.pendingParts.reduce(Int64(0)) { $0 + $1.records }
            let partStart = batch.batchRecords - pending - batch.invocationRecords
            let expired = min(max(expiredInBatch - partStart, 0), batch.invocationRecords)
            guard expired > 0 else { return true }
            partitions[index].batchDroppedRecords += expired
            partitions[index].invocationRecords -= expired
            if partitions[index].invocationRecords > 0 { return true }
            guard let next = partitions[index].pendingParts.popLast() else { return false }
            partitions[index].invocationRecords = next.records
            partitions[index].batchAttempts = next.attempts
        }
    }

    /// Commits a batch's offsets (every partition's, for a payload spanning partitions),
    /// frees its poller slot for the longest-waiting partition, and lets the partitions
    /// fetch again.
    mutating func commit(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        // Keeps the pending starts and ends few, so their heap stays shallow.
        settleConcurrency(at: now)
        let produced = producedTotal(at: now)
        totals.peakLag = max(totals.peakLag, produced - totals.counts.committed)
        readings.throughput.noteWaiting(produced - totals.counts.fetched)
        let batch = partitions[index]
        let records = batch.batchRecords - batch.batchCommittedInvoked
        let dropped = batch.batchDroppedRecords
        if records > dropped {
            addRecordAges(ofBatch: index, processed: records - dropped, at: now)
        }
        countCommitted(records: records, dropped: dropped, polled: batch.batchPolledRecords - batch.batchCommittedPolled)
        readings.throughput.add(
            records: batch.batchPolledRecords, bytes: partitions[index].batchBytes,
            slotTicks: now - partitions[index].batchFetchedAt - partitions[index].batchThrottledTicks,
            invocationTicks: partitions[index].batchInvocationTicks)
        partitions[index].committed = partitions[index].fetched
        partitions[index].phase = .idle
        let released = releaseSlices(ledBy: index)

        let pollerIndex = Int(partitions[index].batchPoller)
        if pollerIndex < pollers.count {
            pollers[pollerIndex].inFlight -= 1
            pollers[pollerIndex].pooledFill = nil
            while pollers[pollerIndex].inFlight < constants.slotsPerPoller, let waiting = pollers[pollerIndex].dequeue() {
                let waitingIndex = Int(waiting)
                guard partitions[waitingIndex].phase == .queued else { continue }
                tryFetch(waitingIndex, at: now, queue: &queue)
            }
        }
        // A fetch above may have taken this batch's partitions into a payload of its own.
        for partition in [index] + released where partitions[partition].phase == .idle {
            tryFetch(partition, at: now, queue: &queue)
        }
        checkDrained(at: now)
    }

    /// Counts committed records: `records` the filters let through (of which `dropped` were
    /// given up on and go to the on-failure destination) and the `polled` offsets they
    /// take the committed position over, filtered-out records included.
    mutating func countCommitted(records: Int64, dropped: Int64, polled: Int64) {
        totals.counts.dropped += dropped
        totals.counts.processed += records - dropped
        totals.counts.committed += polled
        // Filtered-out records are done with once committed: processed, though never invoked.
        totals.counts.processed += polled - records
        totals.counts.events.committed += polled
        totals.counts.events.dropped += dropped
        sendToOnFailureDestination(dropped)
    }

    /// Marks the run drained the first time production is over and every record is committed.
    mutating func checkDrained(at now: SimTime) {
        guard drainTime == nil, productionOver, totals.counts.committed >= producedTotal(at: now) else { return }
        drainTime = now
    }
}
