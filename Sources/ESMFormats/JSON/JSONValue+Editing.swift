extension JSONValue {
    /// One step of a path into a JSON document: an object key or an array index.
    public enum PathStep: Equatable, Sendable {
        /// An object member.
        case key(String)
        /// An array element, 0-based.
        case index(Int)
    }

    /// A copy with the value at `path` replaced by `value`; objects missing on the way are
    /// created. Nil when the path runs through a non-object or past an array's end.
    public func setting(_ path: ArraySlice<PathStep>, to value: JSONValue) -> JSONValue? {
        guard let step = path.first else { return value }
        var copy = self
        switch (step, kind) {
        case (.key(let key), .object(var members)):
            if let position = members.firstIndex(where: { $0.key == key }) {
                guard let changed = members[position].value.setting(path.dropFirst(), to: value) else { return nil }
                members[position].value = changed
            } else {
                guard let created = JSONValue(.object([]), line: value.line, column: value.column).setting(path.dropFirst(), to: value) else { return nil }
                members.append(Member(key: key, value: created))
            }
            copy.kind = .object(members)
        case (.index(let position), .array(var elements)):
            guard elements.indices.contains(position), let changed = elements[position].setting(path.dropFirst(), to: value) else { return nil }
            elements[position] = changed
            copy.kind = .array(elements)
        default:
            return nil
        }
        return copy
    }

    /// A copy without the member at `path` (unchanged when it is absent).
    public func removing(_ path: ArraySlice<PathStep>) -> JSONValue {
        guard case .key(let key) = path.first, case .object(var members) = kind else { return self }
        var copy = self
        if path.count == 1 {
            members.removeAll { $0.key == key }
        } else if let position = members.firstIndex(where: { $0.key == key }) {
            members[position].value = members[position].value.removing(path.dropFirst())
        }
        copy.kind = .object(members)
        return copy
    }

    /// The value at `path`, if present.
    public func value(at path: ArraySlice<PathStep>) -> JSONValue? {
        guard let step = path.first else { return self }
        switch (step, kind) {
        case (.key(let key), .object): return self[key]?.value(at: path.dropFirst())
        case (.index(let position), .array(let elements)):
            return elements.indices.contains(position) ? elements[position].value(at: path.dropFirst()) : nil
        default: return nil
        }
    }

    /// The number, if this is one.
    public var number: Double? {
        if case .number(let value) = kind { return value }
        return nil
    }

    /// The value as one CSV cell: numbers in their shortest exact form, strings as they
    /// are, objects and arrays as compact JSON.
    public var cellText: String {
        if case .string(let text) = kind { return text }
        return compactJSON
    }

    /// Compact JSON text, keys in file order.
    public var compactJSON: String {
        switch kind {
        case .object(let members):
            return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.compactJSON }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map(\.compactJSON).joined(separator: ",") + "]"
        case .string(let text): return Self.quoted(text)
        case .number(let number):
            if number == number.rounded() && abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
