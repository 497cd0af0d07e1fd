import EventEngine

extension ESMSimulation {
    /// Starts the invocation of a partition's batch now, or throttles it when the
    /// function is at its concurrency limit (the path for retries, and for every batch
    /// when throttling is possible at all).
    mutating func startInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        settleConcurrency(at: now)
        if concurrency >= configuration.function.concurrencyLimit {
            throttlesTotal += 1
            throttlesSinceEvaluation += 1
            partitions[index].batchThrottledTicks += throttleRetry
            queue.schedule(.invokeStart(Int32(index)), at: now + throttleRetry)
            return
        }
        beginInvocation(index, startingAt: now, queue: &queue)
        settleConcurrency(at: now)
    }

    /// Commits a batch to an invocation starting at `start` (now or later): draws its
    /// duration and outcome and schedules what follows its end.
    ///
    /// Concurrency is not touched here: the start and end go into `concurrencyChanges`
    /// and are counted, in time order, by `settleConcurrency`. That lets a batch whose
    /// invocation cannot be throttled skip the start event altogether.
    mutating func beginInvocation(_ index: Int, startingAt start: SimTime, queue: inout EventQueue<ModelEvent>) {
        let function = configuration.function
        let duration = function.sampleDuration(records: partitions[index].batchRecords, &durationRandom)
        billedMilliseconds += (duration + Ticks.perMillisecond - 1) / Ticks.perMillisecond
        let failed = function.errorProbability > 0 && errorRandom.nextUnit() < function.errorProbability
        partitions[index].batchFailed = failed
        partitions[index].batchInvocationTicks += duration
        let end = start + duration
        concurrencyChanges.schedule(true, at: Self.changeKey(start, isStart: true))
        concurrencyChanges.schedule(false, at: Self.changeKey(end, isStart: false))
        // A success needs nothing at its end but the commit. Failures decide their retry at the end.
        if failed {
            queue.schedule(.invokeEnd(Int32(index)), at: end)
        } else {
            queue.schedule(.commit(Int32(index)), at: end + commitOverhead)
        }
    }

    /// Orders concurrency changes by time, ends before starts within a tick (an
    /// invocation ending as another starts frees its place first).
    static func changeKey(_ time: SimTime, isStart: Bool) -> SimTime {
        time << 1 | (isStart ? 1 : 0)
    }

    /// Applies every invocation start and end up to `now`, in time order: concurrency,
    /// its maxima, and the invocation count.
    mutating func settleConcurrency(at now: SimTime) {
        while let (key, isStart) = concurrencyChanges.next(notAfter: Self.changeKey(now, isStart: true)) {
            guard isStart else {
                concurrency -= 1
                continue
            }
            concurrency += 1
            invocationsTotal += 1
            if concurrency > intervalMaxConcurrency { intervalMaxConcurrency = concurrency }
            if concurrency > maxConcurrency {
                maxConcurrency = concurrency
                timeOfMaxConcurrency = key >> 1
            }
        }
    }

    /// Ends a failed invocation: it retries the identical batch, or, past
    /// `MaximumRetryAttempts`, sends it to the on-failure destination and commits past it.
    mutating func endFailedInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        errorsTotal += 1
        partitions[index].batchAttempts += 1
        if let limit = retryLimit, Int(partitions[index].batchAttempts) > limit {
            partitions[index].batchDropped = true
            queue.schedule(.commit(Int32(index)), at: now + commitOverhead)
        } else {
            queue.schedule(.invokeStart(Int32(index)), at: now + errorRetry)
        }
    }

    /// Commits a batch's offsets, frees its poller slot for the longest-waiting partition,
    /// and lets the partition fetch again.
    mutating func commit(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        // Keeps the pending starts and ends few, so their heap stays shallow.
        settleConcurrency(at: now)
        let produced = producedTotal(at: now)
        peakLag = max(peakLag, produced - committedTotal)
        throughputWindow.noteWaiting(produced - fetchedTotal)
        let records = partitions[index].batchRecords
        if partitions[index].batchDropped {
            droppedTotal += records
        } else {
            processedTotal += records
            ages.add(
                records: records, oldest: now - partitions[index].batchFirstArrival,
                newest: now - partitions[index].batchLastArrival)
        }
        committedTotal += records
        throughputWindow.add(
            records: records, bytes: partitions[index].batchBytes,
            slotTicks: now - partitions[index].batchFetchedAt - partitions[index].batchThrottledTicks,
            invocationTicks: partitions[index].batchInvocationTicks)
        partitions[index].committed = partitions[index].fetched
        partitions[index].phase = .idle

        let pollerIndex = Int(partitions[index].batchPoller)
        if pollerIndex < pollers.count {
            pollers[pollerIndex].inFlight -= 1
            while pollers[pollerIndex].inFlight < slotsPerPoller, let waiting = pollers[pollerIndex].dequeue() {
                let waitingIndex = Int(waiting)
                guard partitions[waitingIndex].phase == .queued else { continue }
                tryFetch(waitingIndex, at: now, queue: &queue)
            }
        }
        tryFetch(index, at: now, queue: &queue)
        checkDrained(at: now)
    }

    /// Marks the run drained the first time production is over and every record is committed.
    mutating func checkDrained(at now: SimTime) {
        guard drainTime == nil, productionOver, committedTotal >= producedTotal(at: now) else { return }
        drainTime = now
    }
}
