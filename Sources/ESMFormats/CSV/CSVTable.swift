import Foundation

/// A CSV file whose first row must be a fixed header, read so that every problem names
/// its line, column and column name (`obs.csv:3:17: tolerance: ...`).
///
/// Rows with the wrong number of cells become problems at once and are left out of `rows`,
/// so a reader only looks at cells that exist.
public struct CSVTable: Sendable {
    /// The file, as named in messages.
    public let file: String
    /// The expected header.
    public let columns: [String]
    /// The rows under the header that have one cell per column.
    public let rows: [CSVReader.Row]
    /// Problems found so far, in file order.
    public var problems: [Diagnostic]

    /// Reads `text`; an empty file or a header other than `columns` is refused outright,
    /// since no row could then be read with confidence. `kind` names the file in messages.
    public init(_ text: String, file: String, columns: [String], kind: String) throws(DiagnosticError) {
        self.file = file
        self.columns = columns
        let expected = columns.joined(separator: ",")
        var all = CSVReader.rows(text)
        guard let header = all.first else {
            throw DiagnosticError(Diagnostic(file: file, message: "the \(kind) is empty; expected the header \(expected)"))
        }
        let cells = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        if cells != columns {
            let index = zip(cells, columns).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(cells.count, columns.count)
            let found = cells.joined(separator: ",").replacingOccurrences(of: "\n", with: "\\n")
            throw DiagnosticError(Diagnostic(file: file, line: header.line, column: header.column(index), path: "",
                                             message: "expected the header \(expected), found \(found)"))
        }
        all.removeFirst()
        var kept: [CSVReader.Row] = []
        var problems: [Diagnostic] = []
        for row in all {
            if row.cells.count == columns.count {
                kept.append(row)
                continue
            }
            let short = row.cells.count < columns.count
            problems.append(Diagnostic(file: file, line: row.line, column: row.column(min(row.cells.count, columns.count)), path: "",
                message: "expected \(columns.count) cells (\(expected)), found \(row.cells.count)\(short ? "; is the row cut short?" : "; quote a cell that holds a comma")"))
        }
        rows = kept
        self.problems = problems
    }

    /// The cell of `row` under `column`, trimmed of surrounding spaces.
    public func cell(_ row: CSVReader.Row, _ column: String) -> String {
        row.cells[index(column)].trimmingCharacters(in: .whitespaces)
    }

    /// Records a problem with the cell of `row` under `column`.
    public mutating func report(_ row: CSVReader.Row, _ column: String, _ message: String) {
        problems.append(Diagnostic(file: file, line: row.line, column: row.column(index(column)), path: column, message: message))
    }

    /// The number in the cell of `row` under `column`, or nil after reporting why it is not
    /// one in `range`. `empty` is the value of an empty cell (nil: an empty cell is missing).
    public mutating func number(_ row: CSVReader.Row, _ column: String, in range: ClosedRange<Double>,
                                empty: Double? = nil, meaning: String) -> Double? {
        let text = cell(row, column)
        if text.isEmpty, let empty { return empty }
        guard !text.isEmpty else {
            report(row, column, "missing; expected \(meaning)")
            return nil
        }
        guard let value = Double(text), value.isFinite else {
            report(row, column, "\"\(text)\" is not a number\(Self.unitHint(text)); expected \(meaning)")
            return nil
        }
        guard range.contains(value) else {
            report(row, column, "\(text) is out of range; expected \(meaning)")
            return nil
        }
        return value
    }

    /// Throws every problem found, when there is one: this file's in file order, each
    /// followed by the problems of other files it led to (a series file it names).
    public func finish() throws(DiagnosticError) {
        guard !problems.isEmpty else { return }
        var groups: [[Diagnostic]] = []
        for problem in problems {
            if problem.file == file || groups.isEmpty { groups.append([problem]) } else { groups[groups.count - 1].append(problem) }
        }
        let ordered = groups.enumerated().sorted { ($0.element[0].line, $0.element[0].column, $0.offset) < ($1.element[0].line, $1.element[0].column, $1.offset) }
        throw DiagnosticError(problems: ordered.flatMap(\.element))
    }

    private func index(_ column: String) -> Int {
        guard let index = columns.firstIndex(of: column) else { preconditionFailure("\(column) is not a column of \(file)") }
        return index
    }

    /// A hint for a number written with its unit (`120s`, `5 min`, `1,200`).
    public static func unitHint(_ text: String) -> String {
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, Double(digits) != nil else { return "" }
        let rest = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? "" : " (write the number alone, without \"\(rest)\": the column's unit is fixed)"
    }
}
