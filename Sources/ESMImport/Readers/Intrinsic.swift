import ESMFormats
import ESMScenarios

/// A CloudFormation intrinsic function (`{"Ref": X}`, `{"Fn::GetAtt": [A, B]}`...) that
/// esmsim does not evaluate: it is kept by name and reported.
enum Intrinsic {
    /// The function written as its short form (`!Ref X`, `!GetAtt A.B`, `!Sub '...'`), when
    /// `value` is an intrinsic function call.
    static func describe(_ value: JSONValue) -> String? {
        guard let members = value.members, members.count == 1 else { return nil }
        let key = members[0].key, argument = members[0].value
        guard key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") else { return nil }
        let name = key.hasPrefix("Fn::") ? String(key.dropFirst(4)) : key
        switch (name, argument.kind) {
        case (_, .string(let text)) where name == "Sub":
            return "!Sub '\(text)'"
        case (_, .string(let text)):
            return "!\(name) \(text)"
        case ("GetAtt", .array(let parts)) where parts.allSatisfy({ if case .string = $0.kind { return true } else { return false } }):
            return "!GetAtt " + parts.map(\.cellText).joined(separator: ".")
        default:
            return "!\(name) \(argument.compactJSON)"
        }
    }

    /// The logical ID a `Ref` or `Fn::GetAtt` names, if `value` is one.
    static func referencedResource(_ value: JSONValue) -> String? {
        if case .string(let name)? = value["Ref"]?.kind { return name }
        guard let attribute = value["Fn::GetAtt"] else { return nil }
        switch attribute.kind {
        case .array(let parts): if case .string(let name)? = parts.first?.kind { return name }
        case .string(let text): return text.split(separator: ".").first.map(String.init)
        default: break
        }
        return nil
    }
}
