/// Reads typed, range-checked fields out of parsed JSON, collecting every problem
/// instead of stopping at the first.
public final class FieldReader {
    /// The file being read, as named in messages.
    public let file: String
    /// Every problem reported so far, in the order found.
    public private(set) var problems: [Diagnostic] = []

    /// A reader for `file`.
    public init(file: String) { self.file = file }

    /// Every problem, sorted by position; problems at one position keep the order found.
    public var problemsInFileOrder: [Diagnostic] {
        problems.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    /// Adds a problem at `value` (the file as a whole when nil), in words.
    public func report(_ value: JSONValue?, _ path: String, _ message: String) {
        report(value, path, .invalid(message))
    }

    /// Adds a problem at `value` (the file as a whole when nil).
    public func report(_ value: JSONValue?, _ path: String, _ problem: Diagnostic.Problem) {
        problems.append(Diagnostic(file: file, line: value?.line ?? 0, column: value?.column ?? 0, path: path, problem: problem))
    }

    /// Adds a problem found elsewhere (in a file this one refers to).
    public func add(_ problem: Diagnostic) { problems.append(problem) }

    /// The members of an object field, reporting keys outside `allowed` (with a
    /// "did you mean" for near misses). Nil, with a problem, when the value is not an object.
    public func object(_ value: JSONValue, _ path: String, allowed: [String]) -> JSONValue? {
        guard let members = value.members else {
            report(value, path, .wrongType(expected: "an object", found: value.typeName))
            return nil
        }
        for member in members where !allowed.contains(member.key) {
            let where_ = path.isEmpty ? member.key : "\(path).\(member.key)"
            let suggestion = SpellingSuggestion.closest(to: member.key, in: allowed)
            report(member.value, where_, .unknownField(suggestion: suggestion, allowed: allowed))
        }
        return value
    }

    public static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A number field within `range`; whole numbers only when `whole`.
    public func number(_ object: JSONValue, _ path: String, _ key: String, range: ClosedRange<Double>, whole: Bool = false) -> Double? {
        guard let value = object[key] else { return nil }
        return number(value, Self.join(path, key), range: range, whole: whole)
    }

    public func number(_ value: JSONValue, _ path: String, range: ClosedRange<Double>, whole: Bool = false) -> Double? {
        guard case .number(let number) = value.kind else {
            report(value, path, .wrongType(expected: "a number", found: value.typeName))
            return nil
        }
        if whole && number != number.rounded() {
            report(value, path, .notWhole(number))
            return nil
        }
        guard range.contains(number) else {
            report(value, path, .outOfRange(number, range))
            return nil
        }
        return number
    }

    /// A whole-number field within `range`.
    public func integer(_ object: JSONValue, _ path: String, _ key: String, range: ClosedRange<Double>) -> Int64? {
        number(object, path, key, range: range, whole: true).map { Int64($0) }
    }

    public func string(_ object: JSONValue, _ path: String, _ key: String) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value.kind else {
            report(value, Self.join(path, key), .wrongType(expected: "a string", found: value.typeName))
            return nil
        }
        return text
    }

    /// A string field that must be one of `choices`.
    public func choice(_ object: JSONValue, _ path: String, _ key: String, choices: [String]) -> String? {
        guard let text = string(object, path, key) else { return nil }
        guard choices.contains(text) else {
            let suggestion = SpellingSuggestion.closest(to: text, in: choices)
            report(object[key], Self.join(path, key), .unknownValue(text, suggestion: suggestion, choices: choices))
            return nil
        }
        return text
    }

    public func bool(_ object: JSONValue, _ path: String, _ key: String) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag) = value.kind else {
            report(value, Self.join(path, key), .wrongType(expected: "true or false", found: value.typeName))
            return nil
        }
        return flag
    }

    /// Formats a number without a trailing ".0" and with digit grouping for large whole numbers.
    public static func format(_ number: Double) -> String {
        // Every whole number Int64 holds is grouped (1,000,000,000,000,000, never 1000000000000000.0);
        // beyond it Swift's shortest form is already scientific (1e+300).
        if number == number.rounded() && abs(number) < 9e18 { return CSVFormat.grouped(Int64(number)) }
        return "\(number)"
    }
}
