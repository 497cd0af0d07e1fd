import ESMScenarios
import ESMFormats
import ESMModel
import EventEngine

extension PlanTarget {
    /// The earliest moments a run is known to miss this target, so a plan can stop it
    /// there (`RunCutoff`): its peak offset lag above `maxPeakOffsetLag`, or no drain by
    /// the first tick whose `drain_time_s` cell would exceed `maxDrainSeconds`. Both
    /// figures only grow as a run goes on, so a run that meets the target is never cut,
    /// and the candidates that meet it keep every figure. The p99 record age is not a
    /// running figure and cuts nothing.
    var cutoff: RunCutoff {
        RunCutoff(peakOffsetLagAbove: maxPeakOffsetLag.map { Int64($0.rounded(.down)) },
                  undrainedAt: maxDrainSeconds.map(Self.firstTickOver))
    }

    /// The first tick whose summary cell (`CSVFormat.seconds`, read back as a number) is
    /// above `seconds`: the drain deadline exactly as `misses` judges it.
    /// - Complexity: O(log ticks) formattings.
    static func firstTickOver(_ seconds: Double) -> SimTime {
        let over: (SimTime) -> Bool = { ticks in (Double(CSVFormat.seconds(ticks)) ?? 0) > seconds }
        var low: SimTime = 0
        var high = Ticks.seconds(seconds) + Ticks.perSecond
        while low < high {
            let middle = low + (high - low) / 2
            if over(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The limits a run stopped at `cutOffAt` had already missed, in words, with a note
    /// that its figures are partial.
    func misses(_ record: SummaryRecord, cutOffAt: SimTime) -> [String] {
        let stoppedAt = CSVFormat.seconds(cutOffAt)
        var misses: [String] = []
        if let maxDrainSeconds, record.number(SummaryRecord.drainTime) == nil, cutOffAt >= Self.firstTickOver(maxDrainSeconds) {
            misses.append("drain time > \(CSVFormat.decimal(maxDrainSeconds, places: 1)) s (not drained at \(stoppedAt) s)")
        }
        if let maxPeakOffsetLag, let peak = record.number(SummaryRecord.peakOffsetLag), peak > maxPeakOffsetLag {
            misses.append("peak offset lag >= \(CSVFormat.decimal(peak, places: 1)) records > \(CSVFormat.decimal(maxPeakOffsetLag, places: 1))")
        }
        return misses + ["stopped at \(stoppedAt) s once it could not meet the target; other figures partial"]
    }

    /// How far a run stopped at `cutOffAt` is known to be from the target: the excess its
    /// partial figures show, its drain time counted as the stop.
    func shortfall(_ record: SummaryRecord, cutOffAt: SimTime) -> Double {
        limits.map { limit in
            let value = limit.column == SummaryRecord.drainTime ? Ticks.toSeconds(cutOffAt) : record.number(limit.column) ?? 0
            return max(0, value / limit.limit - 1)
        }.max() ?? 0
    }
}
