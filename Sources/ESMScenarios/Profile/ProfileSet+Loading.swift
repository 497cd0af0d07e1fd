import ESMFormats
import ESMModel
import Foundation

extension ProfileSet {
    /// The names of the shipped sets, sorted.
    public static var shippedNames: [String] { shipped.map { String($0.name.dropLast(5)) }.sorted() }

    /// The set called `reference` (shipped) or stored at the path `reference` (a `.json` file).
    public static func load(_ reference: String) throws(DiagnosticError) -> ProfileSet {
        if reference.hasSuffix(".json") {
            return try parse(try TextFile.read(path: reference, kind: "profile set file"), file: reference)
        }
        guard let file = shipped.first(where: { $0.name == reference + ".json" }) else {
            let hint = SpellingSuggestion.closest(to: reference, in: shippedNames).map { "did you mean \"\($0)\"? " } ?? ""
            throw DiagnosticError(Diagnostic(file: "", message: "unknown profile set \"\(reference)\"; \(hint)shipped sets: \(shippedNames.joined(separator: ", ")) (or give a path to a .json profile set file)"))
        }
        return try parse(file.text, file: file.name)
    }

    /// Parses set text, loading every member; every problem is reported at its member:
    /// an unknown profile (with the nearest shipped name), an unreadable or invalid member
    /// file, a member given twice, or no members at all.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> ProfileSet {
        let folder = file.contains("/") ? (file as NSString).deletingLastPathComponent : ""
        return try JSONDocument.decode(text, file: file) { root, reader in
            guard let object = reader.object(root, "", allowed: ["name", "description", "members"]) else { return nil }
            let name = reader.string(object, "", "name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let description = reader.string(object, "", "description") ?? ""
            if description.isEmpty { reader.report(object, "description", "missing; say what the set holds and why") }
            guard let value = object["members"] else {
                reader.report(object, "members", "missing; expected an array of profile names or .json profile files")
                return nil
            }
            guard case .array(let entries) = value.kind else {
                reader.report(value, "members", "expected an array of profile names or .json profile files, found \(value.typeName)")
                return nil
            }
            if entries.isEmpty { reader.report(value, "members", "empty; a set needs at least one profile") }
            var members: [Member] = []
            for (offset, entry) in entries.enumerated() {
                let path = "members[\(offset)]"
                guard case .string(let reference) = entry.kind else {
                    reader.report(entry, path, "expected a profile name or .json profile file, found \(entry.typeName)")
                    continue
                }
                guard let profile = member(reference, folder: folder, at: entry, path: path, reader: reader) else { continue }
                if members.contains(where: { $0.name == profile.name }) {
                    reader.report(entry, path, "\"\(profile.name)\" is already a member; each profile once")
                    continue
                }
                members.append(Member(name: profile.name, profile: profile))
            }
            guard !members.isEmpty else { return nil }
            return ProfileSet(name: name, description: description, members: members)
        }
    }

    /// Loads the member `reference`: a shipped name, or a `.json` file relative to `folder`.
    static func member(_ reference: String, folder: String, at entry: JSONValue, path: String, reader: FieldReader) -> BehaviourProfile? {
        guard reference.hasSuffix(".json") else {
            guard ProfileStore.shippedFile(reference) != nil else {
                let hint = SpellingSuggestion.closest(to: reference, in: ProfileStore.shippedNames).map { "did you mean \"\($0)\"? " } ?? ""
                reader.report(entry, path, "unknown profile \"\(reference)\"; \(hint)shipped profiles: \(ProfileStore.shippedNames.joined(separator: ", ")) (or give a path to a .json profile file)")
                return nil
            }
            return try? ProfileStore.load(reference)
        }
        let resolved = reference.hasPrefix("/") || folder.isEmpty ? reference : folder + "/" + reference
        do {
            return try ProfileStore.load(resolved)
        } catch {
            let first = error.problems.first.map { $0.description } ?? "invalid"
            let more = error.problems.count > 1 ? " (and \(Plural.count(error.problems.count - 1, "more problem")))" : ""
            reader.report(entry, path, "member profile \(reference) cannot be used: \(first)\(more)")
            return nil
        }
    }
}
