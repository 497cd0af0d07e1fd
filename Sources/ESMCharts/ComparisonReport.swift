import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

/// The self-contained HTML page `esmsim compare` writes beside its chart: the comparison
/// chart and each run's own chart inline, all over the same time range and with each
/// scenario in the same colour and dash, then the summary table and its CSV.
///
/// No scripts, stylesheets, fonts or images are fetched: the page opens from disk with no
/// network (the CSV download is a `data:` address inside the page), and it is the same
/// bytes for the same runs.
public enum ComparisonReport {
    /// The page for `results`, headed `title`; every chart shows time up to `until`
    /// (default: `RunChart.sharedEnd` of all the runs), in clock time when every run has the
    /// same clock in `clocks` (one per result; empty: the runs' own, from their scenarios' `startTime`).
    /// An `observed` overlay is drawn in the comparison chart and its error measures tabled under it.
    public static func html(for results: [RunResult], costs: [CostBreakdown], title: String,
                            until: SimTime? = nil, clocks: [ChartClock?] = [], observed: ObservedOverlay? = nil) -> String {
        let end = until ?? RunChart.sharedEnd(for: results.map(\.summary))
        let clock = ChartClock.shared(clocks.isEmpty ? results.map { $0.clock.map(ChartClock.init) } : clocks)
        let csv = summaryCSV(results, costs: costs)
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<title>\(Markup.escape(title))</title>",
            "<style>",
            "body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #222222; max-width: 1000px; }",
            "figure { margin: 0 0 24px 0; }",
            "svg { max-width: 100%; height: auto; }",
            "table { border-collapse: collapse; font-size: 13px; }",
            "th, td { border: 1px solid #cccccc; padding: 4px 8px; }",
            "thead th { background: #f2f2f2; }",
            "tbody th { text-align: left; font-weight: normal; }",
            "td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "td.unit { text-align: left; color: #555555; }",
            "pre { font-size: 12px; overflow-x: auto; background: #f7f7f7; padding: 8px; }",
            "</style>",
            "</head>",
            "<body>",
            "<h1>\(Markup.escape(title))</h1>",
            "<figure class=\"comparison\">",
            ComparisonChart.figure(for: results, title: title, until: end, clocks: clock.map { [$0] } ?? [], observed: observed).svg(declaration: false),
            "</figure>",
        ] + (observed.map(observedSection) ?? [])
        for (index, result) in results.enumerated() {
            lines += [
                "<figure class=\"run\">",
                RunChart.figure(for: result, until: end, clock: clock, scenarioIndex: index).svg(declaration: false),
                "</figure>",
            ]
        }
        lines += ["<h2>Summary</h2>"]
            + ReportTable.html(columns: RunOutputs.summaryColumns, runs: zip(results, costs).map { RunOutputs.summaryCells($0.summary, cost: $1) })
            + [
                "<p>One column per scenario; times in minutes, money in US dollars at the prices used. "
                    + "The same figures as <code>summary.csv</code>, one line per scenario: "
                    + "<a download=\"summary.csv\" href=\"data:text/csv;charset=utf-8,\(percentEncoded(csv))\">download summary.csv</a>.</p>",
                "<details>",
                "<summary>summary.csv</summary>",
                "<pre>\(Markup.escape(csv))</pre>",
                "</details>",
                "</body>",
                "</html>",
            ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The runs' `summary.csv` rows under one header.
    static func summaryCSV(_ results: [RunResult], costs: [CostBreakdown]) -> String {
        ([RunOutputs.summaryColumns] + zip(results, costs).map { RunOutputs.summaryCells($0.summary, cost: $1) })
            .map(CSVFormat.line).joined(separator: "\n") + "\n"
    }

    /// `text` for a `data:` address: every byte outside the unreserved set as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
