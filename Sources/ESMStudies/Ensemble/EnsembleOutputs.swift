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

    /// The folders, under an ensemble's output folder, of `members`' own files: each name
    /// with every character outside letters, digits, `.`, `-` and `_` replaced by `_`, so a
    /// profile name cannot reach outside the folder; a name that would then repeat an
    /// earlier one gets `-2`, `-3`... so no member's files replace another's.
    public static func memberFolders(_ members: [String]) -> [String] {
        var taken: Set<String> = []
        return members.map { member in
            var safe = String(member.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
            if safe.allSatisfy({ $0 == "." }) { safe = "_" + safe }
            var folder = safe
            var suffix = 2
            while taken.contains(folder) {
                folder = "\(safe)-\(suffix)"
                suffix += 1
            }
            taken.insert(folder)
            return "members/" + folder
        }
    }

    /// Writes every file of `run` into `folder`; a member's files go in its `memberFolders` entry.
    public static func write(_ run: EnsembleRun, to folder: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(summaryCSV(run), to: folder + "/ensemble-summary.csv")
        try AtomicFile.write(membersCSV(run), to: folder + "/ensemble-members.csv")
        for (index, memberFolder) in memberFolders(run.members).enumerated() {
            try RunOutputs.write(run.results[index], cost: run.costs[index], to: folder + "/" + memberFolder)
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
