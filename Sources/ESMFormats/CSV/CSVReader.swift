/// Splits CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF) into rows of cells.
public enum CSVReader {
    /// The rows, each with its 1-based line number; blank lines are skipped.
    public static func rows(_ text: String) -> [(line: Int, cells: [String])] {
        var rows: [(Int, [String])] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                cells.append(cell)
                cell = ""
            case "\r\n", "\n", "\r":
                cells.append(cell)
                if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
                cells = []
                cell = ""
                line += 1
                rowLine = line
            default: cell.append(character)
            }
        }
        cells.append(cell)
        if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
        return rows
    }
}
