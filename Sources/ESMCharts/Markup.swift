/// Escaping for text placed in XML and HTML, shared by the SVG charts and the HTML report.
public enum Markup {
    /// `text` with the five XML special characters replaced by entities, safe in element
    /// content and in double- or single-quoted attribute values.
    ///
    /// Control characters other than tab, line feed and carriage return may not appear in
    /// XML at all, not even as character references, so each is shown as its Unicode
    /// control picture (U+0001 as ␁): the document stays well-formed and the name readable.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}": escaped.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case "\u{7F}": escaped += "\u{2421}"
            case "\u{80}"..."\u{9F}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
