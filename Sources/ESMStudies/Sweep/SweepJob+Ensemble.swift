import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel

extension SweepJob {
    /// Checks every point as `prepare` does, counting each member of an `members`-strong
    /// ensemble as one more run of the point (at the work the point's own profile
    /// estimates), so the size limit applies to the whole ensemble sweep.
    public static func prepareEnsemble(
        _ sweep: Sweep, members: Int, options: ScenarioRunner.Options, limits: StudyLimits = .standard,
        progress: ((_ points: Int) -> ProgressMeter)? = nil
    ) throws(DiagnosticError) -> SweepJob {
        let checked = try prepare(sweep, shard: .whole, replications: members, options: options, limits: limits, progress: progress)
        return SweepJob(sweep: sweep, shard: .whole, replications: 1, estimatedEvents: checked.estimatedEvents)
    }

    /// Runs every point under every member of `set` on all cores and streams, in point
    /// then member order whatever the scheduling, into `folder`: `sweep.csv` (a `point`
    /// column, the axis values, a `member` column, then the summary columns; one row per
    /// member and point) and `sweep-ensemble.csv` (the point and axis values, then
    /// `MetricRange.columns`: one row per point and summary metric). Returns the paths
    /// written; on failure nothing is left behind.
    /// - Complexity: points x members simulations; memory O(block).
    public func writeEnsemble(
        into folder: String, set: ProfileSet, options: ScenarioRunner.Options, pricing: Pricing, progress: ProgressMeter? = nil
    ) throws(AtomicFile.WriteError) -> [String] {
        precondition(shard == .whole && replications == 1, "an ensemble sweep is whole and runs one seed per member")
        let axisNames = ["point"] + sweep.axes.map(\.field.name)
        let runs = try SweepOutputFile(path: folder + "/sweep.csv", identity: nil, header: axisNames + ["member"] + RunOutputs.summaryColumns)
        var outputs = [runs]
        defer { for output in outputs { output.abandon() } }
        let ranges = try SweepOutputFile(path: folder + "/sweep-ensemble.csv", identity: nil, header: axisNames + MetricRange.columns)
        outputs.append(ranges)
        let members = set.members
        let count = members.count
        try OrderedBlocks.forEach(count: pointCount * count, size: max(1, 4_096 / count) * count, progress: progress) { run -> Result<SummaryRecord, DiagnosticError> in
            record {
                try ScenarioRunner.record(try sweep.scenario(at: point(run / count)), profile: members[run % count].profile, options: options, pricing: pricing, file: sweep.file)
            }
        } consume: { (range: Range<Int>, results: [Result<SummaryRecord, DiagnosticError>]) throws(AtomicFile.WriteError) -> Bool in
            // Blocks hold whole points, so each point's members are together.
            for first in stride(from: 0, to: results.count, by: count) {
                let point = self.point((range.lowerBound + first) / count)
                let leading = [String(point + 1)] + sweep.values(at: point).map(\.cellText)
                let records = try Self.records(results[first..<(first + count)], point: point, path: runs.path)
                for (member, record) in zip(set.memberNames, records) { try runs.append(leading + [member] + record.cells) }
                for metric in MetricRange.ranges(of: records, members: set.memberNames) { try ranges.append(leading + metric.cells) }
            }
            return true
        }
        for output in outputs { try output.commit() }
        return outputs.map(\.path)
    }
}
