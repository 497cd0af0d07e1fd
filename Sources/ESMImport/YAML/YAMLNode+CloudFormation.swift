import ESMFormats
import ESMScenarios

extension YAMLNode {
    /// CloudFormation's short-form intrinsic function tags (`!Ref`, `!Sub`...), without the `!`.
    static let intrinsicTags: Set<String> = [
        "Ref", "Condition", "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
        "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
    ]

    /// The node as JSON, read the way CloudFormation reads a YAML template: plain scalars
    /// resolved by YAML 1.2's core schema (null, booleans, numbers, else text), short-form
    /// tags turned into their long forms (`!Ref X` is `{"Ref": "X"}`, `!GetAtt A.B` is
    /// `{"Fn::GetAtt": ["A", "B"]}`, `!Sub s` is `{"Fn::Sub": s}`), positions kept.
    public func cloudFormationJSON() throws(YAMLParser.SyntaxError) -> JSONValue {
        func at(_ kind: JSONValue.Kind) -> JSONValue { JSONValue(kind, line: line, column: column) }
        guard let tag else { return try untaggedJSON() }
        func fail(_ message: String) -> YAMLParser.SyntaxError { YAMLParser.SyntaxError(line: line, column: column, message: message) }
        if tag.hasPrefix("!!") {
            var plain = self
            plain.tag = nil
            switch (tag, kind) {
            case ("!!str", .scalar(let text, _)): return at(.string(text))
            case ("!!int", .scalar(let text, _)), ("!!float", .scalar(let text, _)):
                guard let number = Self.number(text) else { throw fail("\"\(text)\" is not a number (tag \(tag))") }
                return at(.number(number))
            case ("!!bool", .scalar(let text, _)):
                guard let flag = Self.boolean(text) else { throw fail("\"\(text)\" is not true or false (tag !!bool)") }
                return at(.bool(flag))
            case ("!!null", .scalar), ("!!seq", .sequence), ("!!map", .mapping): return try plain.untaggedJSON()
            default: throw fail("the tag \(tag) is not supported here")
            }
        }
        let name = String(tag.dropFirst())
        guard Self.intrinsicTags.contains(name) else {
            let known = Self.intrinsicTags.sorted().map { "!" + $0 }.joined(separator: ", ")
            throw fail("unknown tag \(tag); CloudFormation's short forms are \(known)")
        }
        var argument = self
        argument.tag = nil
        var value = try argument.untaggedJSON()
        if name == "GetAtt", case .scalar(let text, _) = kind {
            // `!GetAtt Resource.Attribute` splits at the first dot; the attribute may hold more dots.
            let parts = text.split(separator: ".", maxSplits: 1).map { JSONValue(.string(String($0)), line: line, column: column) }
            value = at(.array(parts))
        }
        let key = name == "Ref" || name == "Condition" ? name : "Fn::" + name
        return at(.object([JSONValue.Member(key: key, value: value)]))
    }

    private func untaggedJSON() throws(YAMLParser.SyntaxError) -> JSONValue {
        func at(_ kind: JSONValue.Kind) -> JSONValue { JSONValue(kind, line: line, column: column) }
        switch kind {
        case .scalar(let text, let style):
            guard style == .plain else { return at(.string(text)) }
            if ["", "~", "null", "Null", "NULL"].contains(text) { return at(.null) }
            if let flag = Self.boolean(text) { return at(.bool(flag)) }
            if let number = Self.number(text) { return at(.number(number)) }
            return at(.string(text))
        case .sequence(let items):
            var elements: [JSONValue] = []
            for item in items { elements.append(try item.cloudFormationJSON()) }
            return at(.array(elements))
        case .mapping(let pairs):
            var members: [JSONValue.Member] = []
            for pair in pairs {
                guard let key = pair.key.scalarText, pair.key.tag == nil else {
                    throw YAMLParser.SyntaxError(line: pair.key.line, column: pair.key.column, message: "a mapping key must be plain text")
                }
                members.append(JSONValue.Member(key: key, value: try pair.value.cloudFormationJSON()))
            }
            return at(.object(members))
        }
    }

    /// YAML 1.2 core schema booleans.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// YAML 1.2 core schema numbers: decimal integers and floats, `0x` and `0o` integers.
    /// Infinities and NaN stay text: no AWS field takes them.
    static func number(_ text: String) -> Double? {
        if text.hasPrefix("0x"), let value = Int64(text.dropFirst(2), radix: 16) { return Double(value) }
        if text.hasPrefix("0o"), let value = Int64(text.dropFirst(2), radix: 8) { return Double(value) }
        var sawDigit = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "+", "-": if offset != 0 && !"eE".unicodeScalars.contains(Array(text.unicodeScalars)[offset - 1]) { return nil }
            case ".", "e", "E": break
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
