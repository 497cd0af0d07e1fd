import ESMFormats
import ESMScenarios
import Foundation

/// Reads probe files: CSV with the header `scenario,metric,question,measure`; `scenario`
/// is relative to the file's folder and `metric` a summary column that measures a run.
public enum ProbeFile {
    /// The expected header.
    public static let columns = ["scenario", "metric", "question", "measure"]

    /// The probes in `path`; every problem is reported as `file:line:column: path: message`.
    public static func load(path: String) throws(DiagnosticError) -> [Probe] {
        let text = try TextFile.read(path: path, kind: "probe file")
        let folder = path.contains("/") ? (path as NSString).deletingLastPathComponent : ""
        var table = try CSVTable(text, file: path, columns: columns, kind: "probe file")
        let metrics = RunOutputs.summaryColumns.filter { !MetricRange.identityColumns.contains($0) }
        var probes: [Probe] = []
        for row in table.rows {
            let scenario = table.cell(row, "scenario")
            let metric = table.cell(row, "metric")
            guard metrics.contains(metric) else {
                let hint = SpellingSuggestion.closest(to: metric, in: metrics).map { "; did you mean \"\($0)\"?" } ?? ""
                table.report(row, "metric", "unknown summary metric \"\(metric)\"\(hint)")
                continue
            }
            let scenarioPath = scenario.hasPrefix("/") || folder.isEmpty ? scenario : folder + "/" + scenario
            probes.append(Probe(scenarioPath: scenarioPath, metric: metric,
                                question: table.cell(row, "question"), measure: table.cell(row, "measure")))
        }
        try table.finish()
        guard !probes.isEmpty else {
            throw DiagnosticError(Diagnostic(file: path, line: 1, column: 1, path: "", message: "no probes; give at least one row"))
        }
        return probes
    }
}
