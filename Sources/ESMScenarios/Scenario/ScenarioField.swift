import ESMFormats
/// A scenario field that a sweep or plan varies, named the way scenario files name it:
/// a short name (`BatchSize`, `partitions`, `MinimumPollers`) or a dotted path
/// (`producer.schedule[1].recordsPerSecond`).
public struct ScenarioField: Equatable, Sendable {
    /// The name as written in the sweep or plan file (and in CSV headers).
    public let name: String
    /// Where the field sits in a scenario file.
    public let path: [JSONValue.PathStep]

    /// Scenario file objects and their fields: the loader's own key lists, so every field a
    /// scenario accepts can be varied by its short name.
    public static var sections: [(prefix: [String], keys: [String])] {
        let objects: Set<String> = ["topic", "producer", "function", "eventSourceMapping", "name", "description"]
        return [
            ([], ScenarioLoader.topLevelKeys.filter { !objects.contains($0) }),
            (["topic"], ScenarioLoader.topicKeys.filter { $0 != "partitionWeights" && $0 != "keyDistribution" }),
            (["producer"], ScenarioLoader.producerKeys.filter { $0 != "schedule" }),
            (["function"], ScenarioLoader.functionKeys),
            (["eventSourceMapping"], ScenarioLoader.mappingKeys.filter { $0 != "ProvisionedPollerConfig" && $0 != "DestinationConfig" && $0 != "FilterCriteria" }),
            (["eventSourceMapping", "ProvisionedPollerConfig"], ScenarioLoader.pollerKeys),
        ]
    }

    /// Every short name, in scenario-file order.
    public static var shortNames: [String] { sections.flatMap(\.keys) }

    /// The path of `ProvisionedPollerConfig`, which a plan's mode adds or removes.
    public static let pollerConfigPath: [JSONValue.PathStep] = [.key("eventSourceMapping"), .key("ProvisionedPollerConfig")]

    /// Resolves `name` against the base scenario; the error says why it names no field.
    public static func resolve(_ name: String, base: JSONValue) -> Result<ScenarioField, FieldNameError> {
        if name.contains(".") || name.contains("[") {
            guard let path = parsePath(name) else { return .failure(FieldNameError("\"\(name)\" is not a field path like topic.partitions or producer.schedule[0].recordsPerSecond")) }
            return .success(ScenarioField(name: name, path: path))
        }
        guard let section = sections.first(where: { $0.keys.contains(name) }) else {
            let hint = SpellingSuggestion.closest(to: name, in: shortNames).map { "; did you mean \"\($0)\"?" }
                ?? "; use a field name (\(shortNames.joined(separator: ", "))) or a dotted path"
            return .failure(FieldNameError("\"\(name)\" is not a scenario field\(hint)"))
        }
        if section.prefix == ["producer"], base["producer"]?["schedule"] != nil {
            return .failure(FieldNameError("the base scenario's producer has a schedule: name the piece, e.g. producer.schedule[0].\(name)"))
        }
        return .success(ScenarioField(name: name, path: (section.prefix + [name]).map { .key($0) }))
    }

    /// `a.b[2].c` as steps; nil when malformed.
    public static func parsePath(_ text: String) -> [JSONValue.PathStep]? {
        var steps: [JSONValue.PathStep] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            guard let keyEnd = rest.firstIndex(of: "[") ?? Optional(rest.endIndex), keyEnd > rest.startIndex else { return nil }
            steps.append(.key(String(rest[..<keyEnd])))
            rest = rest[keyEnd...]
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        return steps
    }

    /// Why a name names no field.
    public struct FieldNameError: Error {
        public let message: String
        init(_ message: String) { self.message = message }
    }
}
