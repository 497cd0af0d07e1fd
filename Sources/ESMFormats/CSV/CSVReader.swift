/// Splits CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF) into rows of cells.
public enum CSVReader {
    /// One row: its cells and where each starts.
    public struct Row: Sendable {
        /// 1-based line the row starts on.
        public var line: Int
        /// The cells, unquoted.
        public var cells: [String]
        /// 1-based column (in characters) where each cell starts, its opening quote included.
        public var columns: [Int]

        /// The column where cell `index` starts; past the last cell, the column just after the row.
        public func column(_ index: Int) -> Int {
            if index < columns.count { return columns[index] }
            guard let last = columns.last else { return 1 }
            return last + (cells.last?.count ?? 0)
        }
    }

    /// The rows, each with its 1-based line number and cell columns; blank lines are skipped.
    /// - Complexity: O(n) in the length of `text`.
    public static func rows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var columns: [Int] = []
        var cell = ""
        var quoted = false
        var line = 1
        var column = 1
        var rowLine = 1
        var cellColumn = 1
        func endRow() {
            cells.append(cell)
            columns.append(cellColumn)
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells, columns: columns)) }
        }
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            column += 1
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                        column += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" {
                        line += 1
                        column = 1
                    }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                cells.append(cell)
                columns.append(cellColumn)
                cell = ""
                cellColumn = column
            case "\r\n", "\n", "\r":
                endRow()
                cells = []
                columns = []
                cell = ""
                line += 1
                column = 1
                rowLine = line
                cellColumn = 1
            default: cell.append(character)
            }
        }
        endRow()
        return rows
    }
}
