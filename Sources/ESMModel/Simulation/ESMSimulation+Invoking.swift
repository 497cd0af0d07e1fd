import EventEngine

extension ESMSimulation {
    /// Starts the invocation of a partition's batch, or throttles it when the function
    /// is at its concurrency limit.
    mutating func startInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        let function = configuration.function
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
        queue.schedule(.invokeEnd(Int32(index)), at: now + duration)
    }

    /// Ends an invocation: a success goes on to commit; a failure retries the identical
    /// batch, or, past `MaximumRetryAttempts`, sends it to the on-failure destination.
    mutating func endInvocation(_ index: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        concurrency -= 1
        if partitions[index].batchFailed {
            errorsTotal += 1
            partitions[index].batchAttempts += 1
            if let limit = retryLimit, Int(partitions[index].batchAttempts) > limit {
                partitions[index].batchDropped = true
            } else {
                queue.schedule(.invokeStart(Int32(index)), at: now + errorRetry)
                return
            }
        }
        queue.schedule(.commit(Int32(index)), at: now + commitOverhead)
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
