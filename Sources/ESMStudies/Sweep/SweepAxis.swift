import ESMScenarios
import ESMFormats
/// One axis of a sweep or plan: a scenario field and the values it takes, in file order.
public struct SweepAxis: Sendable {
    /// The field.
    public let field: ScenarioField
    /// Its values, as written.
    public let values: [JSONValue]

    /// Reads the members of an `axes` (or plan `space`) object: each a field name and a
    /// non-empty array of values without repeats. Names in `reserved` are left to the caller.
    static func read(_ object: JSONValue, path: String, template: ScenarioTemplate?, reserved: [String], reader: FieldReader) -> [SweepAxis] {
        guard let members = object.members else {
            reader.report(object, path, .wrongType(expected: "an object of field names and value arrays", found: object.typeName))
            return []
        }
        var axes: [SweepAxis] = []
        for member in members where !reserved.contains(member.key) {
            let where_ = "\(path).\(member.key)"
            guard let values = readValues(member.value, where_, reader: reader) else { continue }
            guard let template else { continue }
            switch ScenarioField.resolve(member.key, base: template.json) {
            case .success(let field):
                if let overlap = axes.first(where: { $0.field.overlaps(field) }) {
                    reader.report(member.value, where_, field.path == overlap.field.path
                        ? "names the same field as \"\(overlap.field.name)\" (\(field.dottedPath)); give each field once"
                        : "overlaps \"\(overlap.field.name)\" (\(overlap.field.dottedPath) and \(field.dottedPath)): one would override the other; give each field once")
                    continue
                }
                axes.append(SweepAxis(field: field, values: values))
            case .failure(let error): reader.report(member.value, where_, error.message)
            }
        }
        return axes
    }

    /// A non-empty array of distinct values.
    /// - Complexity: O(values).
    static func readValues(_ value: JSONValue, _ path: String, reader: FieldReader) -> [JSONValue]? {
        guard case .array(let values) = value.kind, !values.isEmpty else {
            reader.report(value, path, "expected a non-empty array of values, found \(value.typeName)")
            return nil
        }
        var seen = Set<String>()
        for (offset, element) in values.enumerated() where !seen.insert(element.compactJSON).inserted {
            reader.report(element, "\(path)[\(offset)]", "repeats the value \(element.compactJSON)")
            return nil
        }
        return values
    }
}
