import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine

/// The self-contained HTML page of one scenario run under every member of an ensemble:
/// the band chart, a table of every summary metric's range across the members with the
/// rows where they disagree (spread beyond `MetricRange.disagreementThreshold` of the
/// median) highlighted, each member's own chart, and each member's summary.
///
/// Like `ComparisonReport`, it fetches nothing and is the same bytes for the same runs.
public enum EnsembleReport {
    /// The page for `results` (one per member in `members`, costed by `costs`) of the set
    /// `setName` described by `setDescription`, headed `title`.
    public static func html(
        setName: String, setDescription: String, members: [String], results: [RunResult], costs: [CostBreakdown],
        title: String, until: SimTime? = nil
    ) -> String {
        let end = until ?? RunChart.sharedEnd(for: results.map(\.summary))
        let cells = zip(results, costs).map { RunOutputs.summaryCells($0.summary, cost: $1) }
        let records = zip(results, costs).map { SummaryRecord($0.summary, cost: $1) }
        let ranges = MetricRange.ranges(of: records, members: members)
        let disagreeing = ranges.filter { !$0.agrees }.map { ReportTable.rows[$0.metric]?.label ?? $0.metric }
        let threshold = CSVFormat.decimal(MetricRange.disagreementThreshold * 100, places: 1)
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>\(Markup.escape(title))</title>", "<style>",
            "body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #222222; max-width: 1000px; }",
            "figure { margin: 0 0 24px 0; }", "svg { max-width: 100%; height: auto; }",
            "table { border-collapse: collapse; font-size: 13px; margin-bottom: 16px; }",
            "th, td { border: 1px solid #cccccc; padding: 4px 8px; }", "thead th { background: #f2f2f2; }",
            "tbody th { text-align: left; font-weight: normal; }",
            "td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "td.unit, td.member { text-align: left; color: #555555; }",
            "tr.disagree td, tr.disagree th { background: #fde3d6; }",
            "</style>", "</head>", "<body>",
            "<h1>\(Markup.escape(title))</h1>",
            "<p>Profile set <strong>\(Markup.escape(setName))</strong>, \(Plural.count(members.count, "member")): \(Markup.escape(members.joined(separator: ", "))). \(Markup.escape(setDescription))</p>",
            "<figure class=\"ensemble\">",
            EnsembleChart.figure(members: members, results: results, title: title, until: end).svg(declaration: false),
            "</figure>",
            "<h2>Where the members agree and disagree</h2>",
            "<p>" + (disagreeing.isEmpty
                ? "The members agree on every metric: each range is within \(threshold) % of its median."
                : "The members disagree (range wider than \(threshold) % of the median, highlighted) on: \(Markup.escape(disagreeing.joined(separator: ", "))). "
                    + "There the published figures do not decide the answer; treat the range, not one number, as what the model knows.") + "</p>",
        ]
        lines += rangeTable(ranges)
        for (index, result) in results.enumerated() {
            var figure = RunChart.figure(for: result, until: end, scenarioIndex: index)
            figure.title = "\(members[index]): \(figure.title)"
            lines += ["<figure class=\"member\">", figure.svg(declaration: false), "</figure>"]
        }
        let named = zip(members, cells).map { member, row in
            row.enumerated().map { $0.offset == 0 ? member : $0.element }
        }
        lines += ["<h2>Each member's summary</h2>"] + ReportTable.html(columns: RunOutputs.summaryColumns, runs: named)
        return (lines + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    /// The ranges as HTML rows, in the report's wording and units.
    static func rangeTable(_ ranges: [MetricRange]) -> [String] {
        var lines = [
            "<table class=\"ranges\">", "<thead>",
            "<tr><th>quantity</th><th>unit</th><th>min</th><th>member</th><th>median</th><th>max</th><th>member</th><th>spread</th></tr>",
            "</thead>", "<tbody>",
        ]
        for range in ranges {
            let row = ReportTable.rows[range.metric] ?? ReportTable.Row(label: range.metric, unit: "", style: .decimal(places: 3))
            func value(_ number: Double) -> String { Markup.escape(row.style.format(MetricRange.cell(number))) }
            let spread = range.spread.isFinite ? CSVFormat.decimal(range.spread * 100, places: 1) + " %" : "unbounded"
            lines.append("<tr class=\"\(range.agrees ? "agree" : "disagree")\"><th data-column=\"\(Markup.escape(range.metric))\">\(Markup.escape(row.label))</th>"
                + "<td class=\"unit\">\(Markup.escape(row.unit))</td><td>\(value(range.minimum))</td><td class=\"member\">\(Markup.escape(range.minimumMember))</td>"
                + "<td>\(value(range.median))</td><td>\(value(range.maximum))</td><td class=\"member\">\(Markup.escape(range.maximumMember))</td><td>\(spread)</td></tr>")
        }
        return lines + ["</tbody>", "</table>"]
    }
}
