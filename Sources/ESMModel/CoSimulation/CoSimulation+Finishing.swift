import EventEngine

extension CoSimulation {
    /// Ends the run stopped at `stopTime`: stops the groups' EPUs, closes every ESM at its
    /// own end (when it settled, else the stop), samples the ESMs that settled early up to
    /// the last row, so every ESM has rows at the same times, and adds up the total.
    mutating func finish(at stopTime: SimTime) -> CoSimulationResult {
        for group in groupMeters.indices where !groupMeters[group].isClosed {
            closeGroup(group, at: stopTime)
        }
        let ends = simulations.map { $0.settledAt ?? stopTime }
        for index in simulations.indices {
            withGroupMeter(index) { $0.close(at: ends[index]) }
        }
        let interval = configuration.mappings[0].sampleInterval
        let lastRowTime = simulations.compactMap { $0.sampling.rows.last?.time }.max() ?? 0
        for index in simulations.indices {
            var next = (simulations[index].sampling.rows.last?.time ?? -interval) + interval
            while next <= lastRowTime {
                let time = next
                withGroupMeter(index) { $0.takeSample(at: time) }
                next += interval
            }
        }
        concurrency.settle(at: lastRowTime)
        let mappings = simulations.indices.map { simulations[$0].result(endTime: ends[$0], handledEvents: handled[$0]) }
        let groups = groupMeters.indices.map { group in
            CoSimulationResult.GroupBill(
                name: configuration.groupNames[group], members: groupMembers[group],
                epuSeconds: groupMeters[group].billedEPUSeconds(until: stopTime))
        }
        let rows = totalRows(mappings)
        return CoSimulationResult(
            mappings: mappings, total: RunResult(rows: rows, summary: totalSummary(mappings, rows: rows, groups: groups)),
            groups: groups)
    }

    /// The function-wide rows: counts and lags summed over the ESMs (the largest partition
    /// lag is the largest of any ESM), the function's own concurrency maximum per interval,
    /// and the EPUs of every ungrouped ESM and, once each, of every group.
    func totalRows(_ mappings: [RunResult]) -> [TimeSeriesRow] {
        let count = mappings.map(\.rows.count).min() ?? 0
        return (0..<count).map { row in
            var total = mappings[0].rows[row]
            total.epus = 0
            var groupEPUs = Array(repeating: 0, count: groupMeters.count)
            for (index, mapping) in mappings.enumerated() {
                let sample = mapping.rows[row]
                if let group = configuration.groupOfMapping[index] {
                    groupEPUs[group] = max(groupEPUs[group], sample.epus)
                } else {
                    total.epus += sample.epus
                }
                guard index > 0 else { continue }
                total.producedTotal += sample.producedTotal
                total.processedTotal += sample.processedTotal
                total.offsetLagSum += sample.offsetLagSum
                total.offsetLagMaxPartition = max(total.offsetLagMaxPartition, sample.offsetLagMaxPartition)
                total.pollers += sample.pollers
                total.invocations += sample.invocations
                total.errors += sample.errors
                total.throttles += sample.throttles
                total.coldStarts += sample.coldStarts
                total.recordsDropped += sample.recordsDropped
                total.events = total.events.merged(with: sample.events, +)
            }
            total.epus += groupEPUs.reduce(0, +)
            total.concurrencyMax = concurrency.intervalMaximum(endingAt: total.time)
            return total
        }
    }

    /// The function-wide summary. Sums of the ESMs' counts and billed time; the function's
    /// own concurrency maximum; drained when every ESM drained, at the last drain time. The
    /// peak lag is the largest of the ESMs' peaks and the summed rows' lags (the exact
    /// instant of a summed peak is not tracked); record ages pool every ESM's records.
    func totalSummary(_ mappings: [RunResult], rows: [TimeSeriesRow], groups: [CoSimulationResult.GroupBill]) -> RunSummary {
        let summaries = mappings.map(\.summary)
        let modes = Set(summaries.map(\.mode))
        let drainTimes = summaries.compactMap(\.drainTime)
        var ages = AgeHistogram()
        for simulation in simulations { ages.add(simulation.totals.recordAges) }
        func sum(_ field: KeyPath<RunSummary, Int64>) -> Int64 { summaries.reduce(0) { $0 + $1[keyPath: field] } }
        var summary = RunSummary(
            scenario: configuration.name, profile: summaries[0].profile,
            mode: modes.count == 1 ? summaries[0].mode : "mixed", seed: summaries[0].seed,
            recordsProduced: sum(\.recordsProduced), recordsProcessed: sum(\.recordsProcessed),
            drainTime: drainTimes.count == summaries.count ? drainTimes.max() : nil,
            timeToMaxConcurrency: concurrency.timeOfMaximum, maxConcurrency: concurrency.maximum,
            peakOffsetLag: max(summaries.map(\.peakOffsetLag).max() ?? 0, rows.map(\.offsetLagSum).max() ?? 0),
            meanOffsetLag: 0, finalOffsetLag: rows.last?.offsetLagSum ?? 0,
            invocations: sum(\.invocations), errors: sum(\.errors), throttles: sum(\.throttles),
            recordsDropped: sum(\.recordsDropped), simulatedEvents: summaries.reduce(0) { $0 + $1.simulatedEvents },
            endTime: summaries.map(\.endTime).max() ?? 0, billedDurationMilliseconds: sum(\.billedDurationMilliseconds),
            recordAgeP99Seconds: ages.quantileSeconds(0.99), lastPollerChange: summaries.map(\.lastPollerChange).max() ?? 0,
            epuSeconds: sum(\.epuSeconds) + groups.reduce(0) { $0 + $1.epuSeconds },
            events: summaries.dropFirst().reduce(summaries[0].events) { $0.merged(with: $1.events, +) })
        summary.coldStarts = sum(\.coldStarts)
        summary.handledEvents = summaries.reduce(0) { $0 + $1.handledEvents }
        summary.setLagStatistics(from: rows)
        return summary
    }
}
