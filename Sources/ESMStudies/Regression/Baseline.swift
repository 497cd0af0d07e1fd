import ESMScenarios
import ESMFormats
import Foundation

/// The committed figures `esmsim check` compares against: one row per scenario (named
/// after its file), the checked summary columns, values exactly as `summary.csv` wrote them.
public struct Baseline: Equatable, Sendable {
    /// One scenario's figures.
    public struct Row: Equatable, Sendable {
        /// The scenario file's name without `.json`.
        public var scenario: String
        /// Cells under `RegressionCheck.metrics`, in that order; nil when the file lacks the column.
        public var values: [String?]
    }

    /// Rows, sorted by scenario.
    public var rows: [Row]

    /// A baseline of `rows`.
    public init(rows: [Row]) { self.rows = rows.sorted { $0.scenario < $1.scenario } }

    /// Reads a baseline written by `csv`; columns are found by name, so a baseline from
    /// before a metric existed still reads (that metric then shows as missing). Problems
    /// are `Diagnostic`s at their line and column.
    public static func read(path: String) throws(DiagnosticError) -> Baseline {
        let text: String
        do { text = try TextFile.read(path: path, kind: "baseline") } catch {
            throw DiagnosticError(problems: error.problems.map { problem in
                Diagnostic(file: problem.file, line: problem.line, column: problem.column, path: problem.path,
                           message: problem.message + "; create it with esmsim check --update")
            })
        }
        let lines = CSVReader.rows(text)
        guard let headerRow = lines.first, headerRow.cells.first == "scenario" else {
            throw DiagnosticError(Diagnostic(file: path, line: lines.first?.line ?? 0, column: lines.isEmpty ? 0 : 1, path: "",
                                             message: "the first row must be the header, starting with scenario"))
        }
        let header = headerRow.cells
        let positions = RegressionCheck.metrics.map { header.firstIndex(of: $0) }
        var rows: [Row] = []
        for line in lines.dropFirst() {
            guard line.cells.count == header.count else {
                throw DiagnosticError(Diagnostic(file: path, line: line.line, column: line.column(min(line.cells.count, header.count)), path: "",
                                                 message: "\(line.cells.count) cells under \(header.count) columns"))
            }
            if let first = rows.first(where: { $0.scenario == line.cells[0] }) {
                throw DiagnosticError(Diagnostic(file: path, line: line.line, column: 1, path: "scenario",
                                                 message: "\(first.scenario) appears twice"))
            }
            // Every figure must be a finite number (or empty, for a run that never drained):
            // anything else would compare as "nan%" or as a change instead of a broken file.
            for (metric, position) in zip(RegressionCheck.metrics, positions) {
                guard let position else { continue }
                let cell = line.cells[position]
                if !cell.isEmpty, Double(cell)?.isFinite != true {
                    throw DiagnosticError(Diagnostic(file: path, line: line.line, column: line.column(position), path: metric,
                                                     message: "\"\(cell)\" is not a number"))
                }
            }
            rows.append(Row(scenario: line.cells[0], values: positions.map { $0.map { line.cells[$0] } }))
        }
        return Baseline(rows: rows.sorted { $0.scenario < $1.scenario })
    }

    /// The row of `scenario`, if any.
    public func row(_ scenario: String) -> Row? { rows.first { $0.scenario == scenario } }

    /// The baseline as CSV text.
    public var csv: String {
        let lines = [CSVFormat.line(["scenario"] + RegressionCheck.metrics)]
            + rows.map { CSVFormat.line([$0.scenario] + $0.values.map { $0 ?? "" }) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// This baseline with `current`'s scenarios replaced or added; with `replacingAll`,
    /// only `current`'s scenarios remain.
    public func updated(with current: [(scenario: String, record: SummaryRecord)], replacingAll: Bool) -> Baseline {
        var kept = replacingAll ? [] : rows.filter { row in !current.contains { $0.scenario == row.scenario } }
        kept += current.map { run in Row(scenario: run.scenario, values: RegressionCheck.metrics.map { run.record[$0] }) }
        return Baseline(rows: kept.sorted { $0.scenario < $1.scenario })
    }
}
