import EventEngine

extension ESMSimulation {
    /// Appends a time-series row for the interval ending at `now`.
    mutating func takeSample(at now: SimTime) {
        settleConcurrency(at: now)
        let total = curve.count(at: now)
        var oldestInterest = now - configuration.settings.batchingWindow
        for partition in partitions { oldestInterest = min(oldestInterest, partition.lastFetchedArrival) }
        curve.forget(before: oldestInterest)
        advanceMeter(to: now)
        let reading = stateReading(coldStarts: coldStarts(through: now), partitionOffsets: true)
        appendRow(at: now, total: total, reading: reading, concurrencyMax: sampling.intervalMaxConcurrency)
        sampling.intervalMaxConcurrency = concurrency
    }

    /// Appends the row of the interval ending at `now`, when the topic holds `total`
    /// records and the counts are `reading`'s (with each partition's offset), and
    /// `concurrencyMax` invocations ran at most; the next row's counts start from these.
    mutating func appendRow(at now: SimTime, total: Int64, reading: StateReading, concurrencyMax: Int) {
        let produced = max(total - constants.skippedRecords, 0)
        let lag = produced - reading.counts.committed
        totals.peakLag = max(totals.peakLag, lag)
        var maxPartitionLag: Int64 = 0
        for index in partitions.indices {
            maxPartitionLag = max(maxPartitionLag, split.count(of: index, total: total) - reading.partitionCommitted[index])
        }
        sampling.rows.append(TimeSeriesRow(
            time: now, producedTotal: produced, processedTotal: reading.counts.processed, offsetLagSum: lag,
            offsetLagMaxPartition: maxPartitionLag, concurrencyMax: concurrencyMax,
            pollers: pollers.count, invocations: reading.counts.invocations - sampling.lastInvocations,
            errors: reading.counts.errors - sampling.lastErrors, throttles: reading.counts.throttles - sampling.lastThrottles,
            recordsDropped: reading.counts.dropped, epus: epuMeter.current, events: reading.counts.events.since(sampling.lastEvents),
            coldStarts: reading.coldStarts - sampling.lastColdStarts))
        sampling.lastColdStarts = reading.coldStarts
        sampling.lastEvents = reading.counts.events
        sampling.lastInvocations = reading.counts.invocations
        sampling.lastErrors = reading.counts.errors
        sampling.lastThrottles = reading.counts.throttles
    }

    /// The counts an outside moment reads now, with `coldStarts` so far and, if
    /// `partitionOffsets`, each partition's committed offset.
    func stateReading(coldStarts: Int64, partitionOffsets: Bool) -> StateReading {
        StateReading(
            counts: totals.counts, coldStarts: coldStarts, window: readings.throughput, pollerBytes: pollers.map(\.bytesUnmetered),
            partitionCommitted: partitionOffsets ? partitions.map(\.committed) : [])
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
            recordsProduced: lastRow?.producedTotal ?? 0, recordsProcessed: totals.counts.processed,
            drainTime: drainTime, timeToMaxConcurrency: totals.timeOfMaxConcurrency, maxConcurrency: totals.maxConcurrency,
            peakOffsetLag: totals.peakLag, meanOffsetLag: 0, finalOffsetLag: lastRow?.offsetLagSum ?? 0,
            invocations: totals.counts.invocations, errors: totals.counts.errors, throttles: totals.counts.throttles,
            recordsDropped: totals.counts.dropped, simulatedEvents: handledEvents, endTime: endTime,
            billedDurationMilliseconds: totals.billedMilliseconds,
            recordAgeP99Seconds: totals.recordAges.quantileSeconds(0.99), lastPollerChange: lastPollerChange, epuSeconds: epuMeter.billedEPUSeconds(until: endTime),
            events: totals.counts.events)
        // Co-simulated, the cold starts up to the last row: the function's pool may have
        // been settled past this ESM's end by the others.
        summary.coldStarts = sharedConcurrency == nil ? environments.coldStarts : totals.sharedColdStarts
        summary.compressedSteps = steady.steps
        summary.compressedMoments = steady.passedMoments
        summary.cutOffAt = totals.cutOffAt
        summary.setLagStatistics(from: sampling.rows)
        return summary
    }
}
