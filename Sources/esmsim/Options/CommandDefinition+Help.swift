extension CommandDefinition {
    /// The help text: usage line, description, then every option with its default.
    var help: String {
        var rows = options.map { ($0.synopsis, $0.help + ($0.defaultText.map { " (default: \($0))" } ?? "")) }
        rows.append(("-h, --help", "show this help"))
        rows.append(("--", "end of options: every later word is a file, even one starting with -"))
        let width = min(Self.widestColumn, max(19, (rows.map(\.0.count).max() ?? 0) + 2))
        var lines = ["USAGE: esmsim \(name)\(operands.isEmpty ? "" : " " + operands)\(options.isEmpty ? "" : " [OPTIONS]")", ""]
        lines.append(about)
        lines += ["", "OPTIONS:"]
        lines += rows.map { Self.row($0.0, $0.1, width: width) }
        let renamed = options.filter { !$0.deprecatedSpellings.isEmpty }
        if !renamed.isEmpty {
            lines += ["", "OLD SPELLINGS (still accepted, with a warning; use the scenario file's names):"]
            lines += renamed.flatMap { option in option.deprecatedSpellings.map { Self.row(option.synopsis(as: $0), "use --\(option.name)", width: width) } }
        }
        return lines.joined(separator: "\n")
    }

    /// The widest left column; a longer option puts its text on the next line.
    static let widestColumn = 26

    /// One help row: the left column padded to `width`, continuation lines of `text` under its start.
    static func row(_ left: String, _ text: String, width: Int) -> String {
        let indent = String(repeating: " ", count: width + 2)
        let padded = left.count < width ? "  " + left + String(repeating: " ", count: width - left.count) : "  " + left + "\n" + indent
        return padded + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }
}
