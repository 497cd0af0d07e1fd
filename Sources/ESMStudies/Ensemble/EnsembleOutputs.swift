import ESMFormats
import ESMScenarios

/// The files an ensemble run writes beside (or instead of) a single run's.
///
/// - `ensemble-summary.csv`: one row per summary metric, `MetricRange.columns`: min,
///   median, max, which member gives each end, the spread relative to the median and
///   whether the members agree (spread within `MetricRange.disagreementThreshold`).
/// - `ensemble-members.csv`: a `member` column, then each member's `summary.csv` row.
/// - `members/<member>/timeseries.csv` and `summary.csv`: each member's own run.
public enum EnsembleOutputs {
    /// `ensemble-summary.csv` of `run`.
    public static func summaryCSV(_ run: EnsembleRun) -> String {
        table([MetricRange.columns] + run.ranges.map(\.cells))
    }

    /// `ensemble-members.csv` of `run`.
    public static func membersCSV(_ run: EnsembleRun) -> String {
        table([["member"] + RunOutputs.summaryColumns] + zip(run.members, run.records).map { [$0] + $1.cells })
    }

    /// The folder, under an ensemble's output folder, of `member`'s own files: its name
    /// with every character outside letters, digits, `.`, `-` and `_` replaced by `_`, so a
    /// profile name cannot reach outside the folder.
    public static func memberFolder(_ member: String) -> String {
        let safe = String(member.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return "members/" + (safe.allSatisfy { $0 == "." } ? "_" + safe : safe)
    }

    /// Writes every file of `run` into `folder`; a member's files go in `memberFolder`.
    public static func write(_ run: EnsembleRun, to folder: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(summaryCSV(run), to: folder + "/ensemble-summary.csv")
        try AtomicFile.write(membersCSV(run), to: folder + "/ensemble-members.csv")
        for (index, member) in run.members.enumerated() {
            try RunOutputs.write(run.results[index], cost: run.costs[index], to: folder + "/" + memberFolder(member))
        }
    }

    /// The readable summary: the headline metrics' ranges, one line each.
    public static func text(_ run: EnsembleRun) -> String {
        let headline = [SummaryRecord.drainTime, "time_to_max_concurrency_s", "max_concurrency", SummaryRecord.peakOffsetLag,
                        SummaryRecord.recordAgeP99, SummaryRecord.totalCost]
        let rows = run.ranges.filter { headline.contains($0.metric) }.map { range in
            [range.metric, display(range.minimum) + " (" + range.minimumMember + ")", display(range.median),
             display(range.maximum) + " (" + range.maximumMember + ")", range.spreadCell, range.agrees ? "agree" : "DISAGREE"]
        }
        return TextTable.render(header: ["metric", "min (member)", "median", "max (member)", "spread", ""], rows: rows)
    }

    /// A value for the console: `never` for infinity.
    static func display(_ value: Double) -> String { value.isFinite ? MetricRange.cell(value) : "never" }

    static func table(_ rows: [[String]]) -> String { rows.map(CSVFormat.line).joined(separator: "\n") + "\n" }
}
