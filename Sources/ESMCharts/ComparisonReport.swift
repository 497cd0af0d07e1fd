import ESMScenarios
import ESMBilling
import ESMModel
import EventEngine

/// The self-contained HTML page `esmsim compare` writes beside its chart: the comparison
/// chart and each run's own chart inline, then the summary table.
///
/// No scripts, stylesheets, fonts or images are fetched: the page opens from disk with no
/// network, and it is the same bytes for the same runs.
public enum ComparisonReport {
    /// The page for `results`, headed `title`; the charts show time up to `until` (default:
    /// each chart's own `RunChart.focusEnd`).
    public static func html(for results: [RunResult], costs: [CostBreakdown], title: String, until: SimTime? = nil) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<title>\(Markup.escape(title))</title>",
            "<style>",
            "body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #222222; }",
            "figure { margin: 0 0 24px 0; }",
            "svg { max-width: 100%; height: auto; }",
            "table { border-collapse: collapse; font-size: 13px; }",
            "th, td { border: 1px solid #cccccc; padding: 4px 8px; }",
            "thead th { background: #f2f2f2; }",
            "tbody th { text-align: left; font-weight: normal; font-family: monospace; }",
            "td { text-align: right; font-variant-numeric: tabular-nums; }",
            "</style>",
            "</head>",
            "<body>",
            "<h1>\(Markup.escape(title))</h1>",
            "<figure class=\"comparison\">",
            ComparisonChart.figure(for: results, title: title, until: until).svg(declaration: false),
            "</figure>",
        ]
        for result in results {
            lines += [
                "<figure class=\"run\">",
                RunChart.figure(for: result, until: until).svg(declaration: false),
                "</figure>",
            ]
        }
        lines += ["<h2>Summary</h2>"] + summaryTable(results, costs: costs) + [
            "<p>One column per scenario; the rows are the columns of each scenario's <code>summary.csv</code>.</p>",
            "</body>",
            "</html>",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary table, transposed: a row per `summary.csv` column, a column per scenario,
    /// so many columns stay readable without scrolling sideways.
    static func summaryTable(_ results: [RunResult], costs: [CostBreakdown]) -> [String] {
        let cells = zip(results, costs).map { RunOutputs.summaryCells($0.summary, cost: $1) }
        var lines = ["<table class=\"summary\">", "<thead>", "<tr><th>column</th>"
            + results.map { "<th>\(Markup.escape($0.summary.scenario))</th>" }.joined() + "</tr>", "</thead>", "<tbody>"]
        for (column, name) in RunOutputs.summaryColumns.enumerated() where name != "scenario" {
            lines.append("<tr><th>\(Markup.escape(name))</th>"
                + cells.map { "<td>\(Markup.escape($0[column]))</td>" }.joined() + "</tr>")
        }
        return lines + ["</tbody>", "</table>"]
    }
}
