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
        var rows = CSVReader.rows(text)
        guard let header = rows.first, header.cells == columns else {
            throw DiagnosticError(Diagnostic(file: path, line: 1, column: 1, path: "", message: "expected the header \(columns.joined(separator: ","))"))
        }
        rows.removeFirst()
        let metrics = RunOutputs.summaryColumns.filter { !MetricRange.identityColumns.contains($0) }
        var probes: [Probe] = []
        var problems: [Diagnostic] = []
        for row in rows where !(row.cells.count == 1 && row.cells[0].isEmpty) {
            let (line, cells) = (row.line, row.cells)
            guard cells.count == columns.count else {
                problems.append(Diagnostic(file: path, line: line, column: 1, path: "", message: "expected \(columns.count) cells, found \(cells.count)"))
                continue
            }
            if !metrics.contains(cells[1]) {
                let hint = SpellingSuggestion.closest(to: cells[1], in: metrics).map { "; did you mean \"\($0)\"?" } ?? ""
                problems.append(Diagnostic(file: path, line: line, column: row.column(1), path: "metric", message: "unknown summary metric \"\(cells[1])\"\(hint)"))
                continue
            }
            let scenario = cells[0].hasPrefix("/") || folder.isEmpty ? cells[0] : folder + "/" + cells[0]
            probes.append(Probe(scenarioPath: scenario, metric: cells[1], question: cells[2], measure: cells[3]))
        }
        if probes.isEmpty && problems.isEmpty {
            problems.append(Diagnostic(file: path, line: 1, column: 1, path: "", message: "no probes; give at least one row"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return probes
    }
}
