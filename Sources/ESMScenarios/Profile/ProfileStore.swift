import ESMModel
import Foundation

/// Finds, reads and writes behaviour profile files.
///
/// A profile file lists every constant of `ProfileConstant.catalog` with its value,
/// unit, provenance (`documented`, `fitted` or `assumed`) and evidence. The shipped
/// profiles live in the package's `Profiles` resource folder.
public enum ProfileStore {
    /// A profile that could not be found or read.
    public struct ProfileError: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
    }

    /// The names of the shipped profiles, sorted.
    public static var shippedNames: [String] {
        guard let folder = Bundle.module.url(forResource: "Profiles", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The shipped profile file for `name`, if there is one.
    public static func shippedURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: "Profiles/\(name)", withExtension: "json")
    }

    /// The profile called `name` (shipped) or stored at the path `name` (a `.json` file).
    public static func load(_ name: String) throws(ProfileError) -> BehaviourProfile {
        let url: URL
        if name.hasSuffix(".json") {
            url = URL(fileURLWithPath: name)
        } else if let shipped = shippedURL(name) {
            url = shipped
        } else {
            throw ProfileError(description: "unknown profile \"\(name)\"; shipped profiles: \(shippedNames.joined(separator: ", ")) (or give a path to a .json profile file)")
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ProfileError(description: "\(url.path): cannot read the profile file")
        }
        return try parse(text, file: url.path)
    }

    /// Parses profile text.
    public static func parse(_ text: String, file: String) throws(ProfileError) -> BehaviourProfile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw ProfileError(description: "\(file):\(error.line):\(error.column): malformed JSON: \(error.message)")
        }
        let reader = FieldReader(file: file)
        var profile = BehaviourProfile(name: "", summary: "")
        if let object = reader.object(root, "", allowed: ["name", "summary", "constants"]) {
            profile.name = reader.string(object, "", "name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            profile.summary = reader.string(object, "", "summary") ?? ""
            readConstants(object["constants"], into: &profile, reader: reader)
        }
        if !reader.problems.isEmpty {
            throw ProfileError(description: reader.problems.map(\.description).joined(separator: "\n"))
        }
        return profile
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
            guard let constant = ProfileConstant.named(name) else {
                let hint = SpellingSuggestion.closest(to: name, in: ProfileConstant.catalog.map(\.name)).map { "; did you mean \"\($0)\"?" } ?? ""
                reader.report(object["name"], "\(path).name", "unknown constant \"\(name)\"\(hint)")
                continue
            }
            seen.insert(name)
            if let unit = reader.string(object, path, "unit"), unit != constant.unit {
                reader.report(object["unit"], "\(path).unit", "\(name) is measured in \(constant.unit), not \(unit)")
            }
            if let number = reader.number(object, path, "value", range: 0...1e15, whole: constant.isWhole) {
                profile[keyPath: constant.keyPath] = number
            }
            let provenance = reader.choice(object, path, "provenance", choices: ["documented", "fitted", "assumed"]) ?? ""
            let evidence = reader.string(object, path, "evidence") ?? ""
            if evidence.isEmpty { reader.report(object, "\(path).evidence", "missing; every constant needs its evidence") }
            profile.notes.append(.init(name: name, provenance: provenance, evidence: evidence))
        }
        for constant in ProfileConstant.catalog where !seen.contains(constant.name) {
            reader.report(value, "constants", "\(constant.name) is missing")
        }
    }

    /// The profile as file text, in catalogue order: what `load` reads back.
    public static func render(_ profile: BehaviourProfile) -> String {
        var lines = ["{", "  \"name\": \(quote(profile.name)),", "  \"summary\": \(quote(profile.summary)),", "  \"constants\": ["]
        let catalog = ProfileConstant.catalog
        for (offset, constant) in catalog.enumerated() {
            let note = profile.notes.first { $0.name == constant.name }
            let value = profile[keyPath: constant.keyPath]
            let entry = "    {\"name\": \(quote(constant.name)), \"value\": \(formatValue(value)), \"unit\": \(quote(constant.unit)), "
                + "\"provenance\": \(quote(note?.provenance ?? "assumed")), \"evidence\": \(quote(note?.evidence ?? ""))}"
            lines.append(entry + (offset == catalog.count - 1 ? "" : ","))
        }
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
