import ESMFormats
import ESMScenarios

/// Collects the problems found in one input file and reads values the way AWS's formats
/// write them: JSON `null` means absent, and templates may write numbers and booleans as
/// text (`"100"`, `"true"`), as CloudFormation accepts.
final class ImportReader {
    /// The file, as given on the command line.
    let file: String
    /// Whether numbers and booleans may be written as text (templates).
    let textScalars: Bool
    /// The scenario loader's reader, whose number checks and messages these share.
    private let fields: FieldReader

    init(file: String, textScalars: Bool) {
        self.file = file
        self.textScalars = textScalars
        fields = FieldReader(file: file)
    }

    /// Every problem found so far.
    var problems: [Diagnostic] { fields.problems }

    func report(_ value: JSONValue?, _ path: String, _ message: String) {
        fields.report(value, path, message)
    }

    /// Adds a problem at `value`, as a case.
    func report(_ value: JSONValue?, _ path: String, _ problem: Diagnostic.Problem) {
        fields.report(value, path, problem)
    }

    /// Whether `value` is missing or JSON `null`.
    static func isAbsent(_ value: JSONValue?) -> Bool {
        guard let value else { return true }
        return value.kind == .null
    }

    /// `path.key`, or `key` at the top.
    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The members of an object; a problem when `value` is something else.
    func members(_ value: JSONValue, _ path: String) -> [JSONValue.Member]? {
        guard let members = value.members else {
            report(value, path, .wrongType(expected: "an object", found: value.typeName))
            return nil
        }
        return members
    }

    /// The elements of an array; a problem when `value` is something else.
    func elements(_ value: JSONValue, _ path: String) -> [JSONValue]? {
        guard case .array(let elements) = value.kind else {
            report(value, path, .wrongType(expected: "an array", found: value.typeName))
            return nil
        }
        return elements
    }

    /// A number within `range` (whole when `whole`).
    func number(_ value: JSONValue, _ path: String, range: ClosedRange<Double>, whole: Bool) -> Double? {
        guard textScalars, case .string(let text) = value.kind else {
            return fields.number(value, path, range: range, whole: whole)
        }
        guard let parsed = Double(text.trimmingTrailingBlanks), parsed.isFinite else {
            report(value, path, .wrongType(expected: "a number", found: "\"\(text)\""))
            return nil
        }
        return fields.number(JSONValue(.number(parsed), line: value.line, column: value.column), path, range: range, whole: whole)
    }

    /// Text.
    func string(_ value: JSONValue, _ path: String) -> String? {
        guard case .string(let text) = value.kind else {
            report(value, path, .wrongType(expected: "a string", found: value.typeName))
            return nil
        }
        return text
    }

    /// True or false.
    func bool(_ value: JSONValue, _ path: String) -> Bool? {
        switch value.kind {
        case .bool(let flag): return flag
        case .string(let text) where textScalars && (text == "true" || text == "false"): return text == "true"
        default:
            report(value, path, "expected true or false, found \(value.typeName)")
            return nil
        }
    }

    /// Text that must be one of `choices`.
    func choice(_ value: JSONValue, _ path: String, _ choices: [String]) -> String? {
        guard let text = string(value, path) else { return nil }
        guard choices.contains(text) else {
            report(value, path, "\"\(text)\" is not one of \(choices.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// An array of strings.
    func strings(_ value: JSONValue, _ path: String) -> [String]? {
        guard let elements = elements(value, path) else { return nil }
        var texts: [String] = []
        for (offset, element) in elements.enumerated() {
            guard let text = string(element, "\(path)[\(offset)]") else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// A number without a trailing ".0", whole numbers grouped by thousands.
    static func format(_ number: Double) -> String { FieldReader.format(number) }
}
