import Foundation

/// Reads JSON input files, reporting an unreadable file or a syntax error as a
/// `Diagnostic` with its position.
public enum JSONDocument {
    /// Whether `text` starts (after whitespace and a byte-order mark) as a JSON object or
    /// array does: how readers of JSON-or-CSV (or JSON-or-YAML) files tell the two apart.
    public static func looksLikeJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first == "{" || first == "["
    }

    /// The parsed contents of `text`; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw DiagnosticError(.malformedJSON(file, error))
        }
    }

    /// The parsed contents of `path`.
    public static func read(path: String, kind: String = "file") throws(DiagnosticError) -> JSONValue {
        try parse(try TextFile.read(path: path, kind: kind), file: path)
    }

    /// Parses `text` and decodes it with a `FieldReader`, so every problem of the file is
    /// reported at once, in file order (users read a file top to bottom).
    public static func decode<Value>(
        _ text: String, file: String, _ decode: (JSONValue, FieldReader) -> Value?
    ) throws(DiagnosticError) -> Value {
        let root = try parse(text, file: file)
        let reader = FieldReader(file: file)
        let value = decode(root, reader)
        if let value, reader.problems.isEmpty { return value }
        throw DiagnosticError(problems: reader.problemsInFileOrder)
    }
}
