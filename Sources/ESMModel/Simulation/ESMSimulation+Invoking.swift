import EventEngine

extension ESMSimulation {
    /// Starts the invocation of a partition's batch, or throttles it when the function
    /// is at its concurrency limit.
    mutating func startInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        let function = configuration.function
        settleEndedInvocations(at: now)
        if concurrency >= function.concurrencyLimit {
            throttlesTotal += 1
            throttlesSinceEvaluation += 1
            queue.schedule(.invokeStart(Int32(index)), at: now + throttleRetry)
            return
        }
        concurrency += 1
        invocationsTotal += 1
        if concurrency > intervalMaxConcurrency { intervalMaxConcurrency = concurrency }
        if concurrency > maxConcurrency {
            maxConcurrency = concurrency
            timeOfMaxConcurrency = now
        }
        let duration = function.sampleDuration(records: partitions[index].batchRecords, &durationRandom)
        billedMilliseconds += (duration + Ticks.perMillisecond - 1) / Ticks.perMillisecond
        let failed = function.errorProbability > 0 && errorRandom.nextUnit() < function.errorProbability
        partitions[index].batchFailed = failed
        let end = now + duration
        invocationEnds.schedule((), at: end)
        // A success needs nothing at its end but the commit: skipping the end event saves
        // a third of the events of a busy run. Failures decide their retry at the end.
        if failed {
            queue.schedule(.invokeEnd(Int32(index)), at: end)
        } else {
            queue.schedule(.commit(Int32(index)), at: end + commitOverhead)
        }
    }

    /// Counts down the concurrency for every invocation that has ended by `now`.
    mutating func settleEndedInvocations(at now: SimTime) {
        while let end = invocationEnds.peekTime(), end <= now {
            _ = invocationEnds.next()
            concurrency -= 1
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
        let produced = producedTotal(at: now)
        peakLag = max(peakLag, produced - committedTotal)
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
