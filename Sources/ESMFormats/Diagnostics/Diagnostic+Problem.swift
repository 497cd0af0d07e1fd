extension Diagnostic {
    /// What is wrong, as a case with the values a program can test or reword, rather than
    /// only a sentence. `Diagnostic.message` renders it in the words users see.
    public enum Problem: Equatable, Sendable {
        /// The file does not parse as JSON; the parser's explanation.
        case malformedJSON(String)
        /// The file cannot be opened or read (`kind` names what it was meant to be).
        case unreadable(kind: String, reason: String)
        /// The file holds a byte that is not UTF-8 at `line`, `column`.
        case notUTF8(kind: String, line: Int, column: Int)
        /// A value has the wrong JSON type.
        case wrongType(expected: String, found: String)
        /// A key the format does not know; `suggestion` is the nearest known key, if any is near.
        case unknownField(suggestion: String?, allowed: [String])
        /// A number that must be whole is not.
        case notWhole(Double)
        /// A number lies outside its documented range.
        case outOfRange(Double, ClosedRange<Double>)
        /// A string is not one of the values the field accepts.
        case unknownValue(String, suggestion: String?, choices: [String])
        /// Any other rule of a format, in words (`context` adds where, such as a sweep point).
        case invalid(String)
        /// Not a fault of the input: a run it asked for stopped before its end (its event
        /// budget spent), in words; commands exit with a failure, not a usage error.
        case runStopped(String)

        /// The problem in the words users see.
        public var message: String {
            switch self {
            case .malformedJSON(let reason):
                return "malformed JSON: \(reason)"
            case .unreadable(let kind, let reason):
                return "cannot read the \(kind): \(reason)"
            case .notUTF8(let kind, let line, let column):
                return "the \(kind) is not UTF-8 text (invalid byte at line \(line), column \(column))"
            case .wrongType(let expected, let found):
                return "expected \(expected), found \(found)"
            case .unknownField(let suggestion?, _):
                return "unknown field; did you mean \"\(suggestion)\"?"
            case .unknownField(nil, let allowed):
                return "unknown field; expected one of \(allowed.joined(separator: ", "))"
            case .notWhole(let number):
                return "\(FieldReader.format(number)) is not a whole number"
            case .outOfRange(let number, let range):
                return "\(FieldReader.format(number)) is outside \(FieldReader.format(range.lowerBound))...\(FieldReader.format(range.upperBound))"
            case .unknownValue(let text, let suggestion?, _):
                return "\"\(text)\" is not a known value; did you mean \"\(suggestion)\"?"
            case .unknownValue(let text, nil, let choices):
                return "\"\(text)\" is not a known value; expected one of \(choices.joined(separator: ", "))"
            case .invalid(let message), .runStopped(let message):
                return message
            }
        }
    }
}
