import ESMFormats
import ESMModel
import Foundation

/// Finds, reads and writes behaviour profile files.
///
/// A profile file lists every constant of `ProfileConstant.catalog` with its value,
/// unit, provenance (`documented`, `fitted` or `assumed`) and evidence; the mechanisms
/// (`ProfileSetting`) and the constants only they read are optional and default to
/// aws-2024's. `alternativeTo` names the profile whose observations also apply. The shipped
/// profiles are the files in `Profiles/`, compiled into the binary (`ProfileStore+Shipped`).
public enum ProfileStore {
    /// The names of the shipped profiles, sorted.
    public static var shippedNames: [String] { shipped.map { String($0.name.dropLast(5)) }.sorted() }

    /// The shipped profile file for `name`, if there is one.
    public static func shippedFile(_ name: String) -> EmbeddedFile? {
        shipped.first { $0.name == name + ".json" }
    }

    /// The profile called `name` (shipped) or stored at the path `name` (a `.json` file).
    public static func load(_ name: String) throws(DiagnosticError) -> BehaviourProfile {
        if name.hasSuffix(".json") {
            return try parse(try TextFile.read(path: name, kind: "profile file"), file: name)
        }
        guard let shipped = shippedFile(name) else {
            throw DiagnosticError(Diagnostic(file: "", message: "unknown profile \"\(name)\"; shipped profiles: \(shippedNames.joined(separator: ", ")) (or give a path to a .json profile file)"))
        }
        return try parse(shipped.text, file: shipped.name)
    }

    /// Parses profile text.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> BehaviourProfile {
        try JSONDocument.decode(text, file: file) { root, reader in
            var profile = BehaviourProfile(name: "", summary: "")
            guard let object = reader.object(root, "", allowed: ["name", "summary", "alternativeTo", "constants"]) else { return nil }
            profile.name = reader.string(object, "", "name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            profile.summary = reader.string(object, "", "summary") ?? ""
            readAlternative(object, into: &profile, reader: reader)
            readConstants(object["constants"], into: &profile, reader: reader)
            return profile
        }
    }

    static func readConstants(_ value: JSONValue?, into profile: inout BehaviourProfile, reader: FieldReader) {
        guard let value, case .array(let entries) = value.kind else {
            reader.report(value, "constants", "missing; expected an array of {name, value, unit, provenance, evidence}")
            return
        }
        var seen: Set<String> = []
        for (offset, entry) in entries.enumerated() {
            let path = "constants[\(offset)]"
            guard let object = reader.object(entry, path, allowed: ["name", "value", "unit", "provenance", "evidence"]),
                  let name = reader.string(object, path, "name") else { continue }
            if seen.contains(name) { reader.report(object["name"], "\(path).name", "\(name) is given twice") }
            seen.insert(name)
            if let setting = ProfileSetting.named(name) {
                readSetting(setting, object, path, into: &profile, reader: reader)
            } else if let constant = ProfileConstant.named(name) {
                if let unit = reader.string(object, path, "unit"), unit != constant.unit {
                    reader.report(object["unit"], "\(path).unit", "\(name) is measured in \(constant.unit), not \(unit)")
                }
                if let number = reader.number(object, path, "value", range: constant.range, whole: constant.isWhole) {
                    profile[keyPath: constant.keyPath] = number
                }
            } else {
                let names = ProfileConstant.catalog.map(\.name) + ProfileSetting.catalog.map(\.name)
                let hint = SpellingSuggestion.closest(to: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
                reader.report(object["name"], "\(path).name", "unknown constant \"\(name)\"\(hint)")
                continue
            }
            let provenance = reader.choice(object, path, "provenance", choices: ["documented", "fitted", "assumed"]) ?? ""
            let evidence = reader.string(object, path, "evidence") ?? ""
            if evidence.isEmpty { reader.report(object, "\(path).evidence", "missing; every constant needs its evidence") }
            profile.notes.append(.init(name: name, provenance: provenance, evidence: evidence))
        }
        for constant in ProfileConstant.catalog where constant.defaultValue == nil && !seen.contains(constant.name) {
            reader.report(value, "constants", "\(constant.name) is missing")
        }
    }

    /// The profile as file text, in catalogue order: what `load` reads back.
    public static func render(_ profile: BehaviourProfile) -> String {
        var lines = ["{", "  \"name\": \(quote(profile.name)),", "  \"summary\": \(quote(profile.summary)),"]
        if let alternative = profile.alternativeTo { lines.append("  \"alternativeTo\": \(quote(alternative)),") }
        lines.append("  \"constants\": [")
        var entries: [String] = []
        func note(_ name: String) -> (provenance: String, evidence: String) {
            let note = profile.notes.first { $0.name == name }
            return (quote(note?.provenance ?? "assumed"), quote(note?.evidence ?? ""))
        }
        for constant in ProfileConstant.catalog where profile.lists(constant) {
            let (provenance, evidence) = note(constant.name)
            entries.append("    {\"name\": \(quote(constant.name)), \"value\": \(formatValue(profile[keyPath: constant.keyPath])), "
                + "\"unit\": \(quote(constant.unit)), \"provenance\": \(provenance), \"evidence\": \(evidence)}")
        }
        for setting in ProfileSetting.catalog where profile.lists(setting) {
            let (provenance, evidence) = note(setting.name)
            entries.append("    {\"name\": \(quote(setting.name)), \"value\": \(quote(setting.read(profile))), "
                + "\"provenance\": \(provenance), \"evidence\": \(evidence)}")
        }
        lines.append(entries.joined(separator: ",\n"))
        lines += ["  ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// A constant's value as written in files and tables: whole numbers without a decimal point.
    public static func formatValue(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func quote(_ text: String) -> String { JSONValue.quoted(text) }
}
