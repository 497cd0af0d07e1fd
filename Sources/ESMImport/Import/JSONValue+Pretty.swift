import ESMFormats
import ESMScenarios

extension JSONValue {
    /// JSON text indented by two spaces a level, keys in order; arrays of scalars and
    /// objects of scalars short enough stay on one line, as the shipped scenarios do.
    func prettyJSON(indent: String = "") -> String {
        let inner = indent + "  "
        switch kind {
        case .object(let members) where !members.isEmpty:
            let oneLine = "{" + members.map { Self.quoted($0.key) + ": " + $0.value.compactJSON }.joined(separator: ", ") + "}"
            if members.allSatisfy({ $0.value.isScalar }) && oneLine.count + indent.count <= 100 && indent.count > 0 { return oneLine }
            return "{\n" + members.map { inner + Self.quoted($0.key) + ": " + $0.value.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let elements) where !elements.isEmpty:
            if elements.allSatisfy(\.isScalar) { return "[" + elements.map(\.compactJSON).joined(separator: ", ") + "]" }
            return "[\n" + elements.map { inner + $0.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return compactJSON
        }
    }

    /// Whether this is a string, number, boolean or null.
    var isScalar: Bool {
        switch kind {
        case .object, .array: return false
        default: return true
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String { JSONValue(.string(text)).compactJSON }
}
