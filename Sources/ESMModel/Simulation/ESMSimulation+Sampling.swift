import EventEngine

extension ESMSimulation {
    /// Appends a time-series row for the interval ending at `now`.
    mutating func takeSample(at now: SimTime) {
        settleConcurrency(at: now)
        let total = curve.count(at: now)
        let produced = max(total - constants.skippedRecords, 0)
        let lag = produced - totals.committed
        totals.peakLag = max(totals.peakLag, lag)
        var maxPartitionLag: Int64 = 0
        var oldestInterest = now - configuration.settings.batchingWindow
        for index in partitions.indices {
            let partitionLag = max(split.count(of: index, total: total) - partitions[index].committed, 0)
            if partitionLag > maxPartitionLag { maxPartitionLag = partitionLag }
            oldestInterest = min(oldestInterest, partitions[index].lastFetchedArrival)
        }
        curve.forget(before: oldestInterest)
        advanceMeter(to: now)
        let epus = epuMeter.current
        let coldStartsSoFar = coldStarts(through: now)
        sampling.rows.append(TimeSeriesRow(
            time: now, producedTotal: produced, processedTotal: totals.processed, offsetLagSum: lag,
            offsetLagMaxPartition: maxPartitionLag, concurrencyMax: sampling.intervalMaxConcurrency,
            pollers: pollers.count, invocations: totals.invocations - sampling.lastInvocations,
            errors: totals.errors - sampling.lastErrors, throttles: totals.throttles - sampling.lastThrottles,
            recordsDropped: totals.dropped, epus: epus, events: totals.events.since(sampling.lastEvents),
            coldStarts: coldStartsSoFar - sampling.lastColdStarts))
        sampling.lastColdStarts = coldStartsSoFar
        sampling.lastEvents = totals.events
        sampling.intervalMaxConcurrency = concurrency
        sampling.lastInvocations = totals.invocations
        sampling.lastErrors = totals.errors
        sampling.lastThrottles = totals.throttles
    }

    /// The bytes each poller fetched since they were last taken, zeroing the counters.
    mutating func takePollerBytes() -> [Double] {
        var bytes: [Double] = []
        bytes.reserveCapacity(pollers.count)
        for index in pollers.indices {
            bytes.append(pollers[index].bytesUnmetered)
            pollers[index].bytesUnmetered = 0
        }
        return bytes
    }

    /// Ends the EPU meter's periods up to `now`. Called before any bytes fetched at `now`
    /// are counted, so the bytes it hands over all belong to the period ending first.
    mutating func advanceMeter(to now: SimTime) {
        guard now >= epuMeter.nextBoundary else { return }
        epuMeter.advance(to: now, pollerBytes: takePollerBytes())
    }

    /// Stops EPU billing at the end of the run, then adds the last row, at the first
    /// sampling time at or after the end.
    mutating func closeSampling(at endTime: SimTime) {
        let bytes = takePollerBytes()
        epuMeter.close(at: endTime, pollerBytes: bytes)
        let interval = configuration.sampleInterval
        let lastRow = sampling.rows.last?.time ?? -1
        guard lastRow < endTime else { return }
        let next = (endTime + interval - 1) / interval * interval
        takeSample(at: max(next, lastRow + interval))
    }

    func summary(endTime: SimTime, handledEvents: Int) -> RunSummary {
        let lastRow = sampling.rows.last
        var summary = RunSummary(
            scenario: configuration.name, profile: configuration.profile.name,
            mode: configuration.settings.modeName, seed: configuration.seed,
            recordsProduced: lastRow?.producedTotal ?? 0, recordsProcessed: totals.processed,
            drainTime: drainTime, timeToMaxConcurrency: totals.timeOfMaxConcurrency, maxConcurrency: totals.maxConcurrency,
            peakOffsetLag: totals.peakLag, meanOffsetLag: 0, finalOffsetLag: lastRow?.offsetLagSum ?? 0,
            invocations: totals.invocations, errors: totals.errors, throttles: totals.throttles,
            recordsDropped: totals.dropped, simulatedEvents: handledEvents, endTime: endTime,
            billedDurationMilliseconds: totals.billedMilliseconds,
            recordAgeP99Seconds: totals.recordAges.quantileSeconds(0.99), lastPollerChange: lastPollerChange, epuSeconds: epuMeter.billedEPUSeconds(until: endTime),
            events: totals.events)
        // Co-simulated, the cold starts up to the last row: the function's pool may have
        // been settled past this ESM's end by the others.
        summary.coldStarts = sharedConcurrency == nil ? environments.coldStarts : totals.sharedColdStarts
        summary.compressedSteps = steady.steps
        summary.cutOffAt = totals.cutOffAt
        summary.setLagStatistics(from: sampling.rows)
        return summary
    }
}
