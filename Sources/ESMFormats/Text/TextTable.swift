/// A plain-text table with aligned columns, for terminals: text columns left-aligned,
/// numeric ones right-aligned.
public enum TextTable {
    /// Renders `rows` under `header`; a column is right-aligned when every non-empty cell
    /// in it reads as a number (after dropping a sign, `%` or `$`).
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let numeric = header.indices.map { column in
            rows.allSatisfy { row in
                let cell = row.indices.contains(column) ? row[column] : ""
                return cell.isEmpty || cell == "-" || Double(cell.filter { !"+%$,".contains($0) }) != nil
            }
        }
        return all.map { row in
            header.indices.map { column in
                let cell = row.indices.contains(column) ? row[column] : ""
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric[column] ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
