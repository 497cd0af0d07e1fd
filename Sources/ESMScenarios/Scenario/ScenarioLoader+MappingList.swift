import ESMFormats
import ESMModel

extension ScenarioLoader {
    /// The top-level field listing several ESMs on the scenario's function.
    static let mappingListKey = "eventSourceMappings"
    /// Fields of one element of `eventSourceMappings`.
    static let mappingElementKeys = ["name", "FunctionName", "topic", "producer", "eventSourceMapping"]
    /// Top-level fields of the one-ESM form, which a list replaces.
    static let singleMappingKeys = ["topic", "producer", "eventSourceMapping", "esmsInPollerGroup"]
    /// The most ESMs one scenario lists (a bound on run size; AWS's per-group limit is the same).
    public static let maximumMappings = 100
    /// The longest ESM name; names become file names (`timeseries-NAME.csv`).
    static let maximumMappingNameLength = 64
    /// The name of the function-wide row in the outputs, which no ESM may take.
    public static let totalRowName = "total"

    /// `eventSourceMappings`: several ESMs invoking the scenario's function, each an object
    /// with a `name`, its own `topic`, `producer` and `eventSourceMapping` (read exactly as
    /// the one-ESM form reads them) and optionally the AWS `FunctionName` it targets.
    ///
    /// Refused, each at its position: a list beside the one-ESM fields, an empty or too long
    /// list, a missing, malformed, reserved or repeated name, an element with a function of
    /// its own or naming another function than the others, and a poller group beyond AWS's
    /// limits (100 ESMs, 2,000 `MaximumPollers` added over its ESMs).
    static func decodeMappingList(_ value: JSONValue, root: JSONValue, reader: FieldReader) -> [ScenarioMapping]? {
        for key in singleMappingKeys where root[key] != nil {
            reader.report(root[key], key, "give either \(mappingListKey) (several ESMs on the function, each with its own topic, producer and eventSourceMapping) or one ESM's \(key) at the top level, not both")
        }
        guard case .array(let elements) = value.kind else {
            reader.report(value, mappingListKey, "expected an array of ESMs ({\"name\", \"topic\", \"producer\", \"eventSourceMapping\"}), found \(value.typeName)")
            return nil
        }
        guard (1...maximumMappings).contains(elements.count) else {
            reader.report(value, mappingListKey, "lists \(elements.count) ESMs; give 1 to \(maximumMappings)")
            return nil
        }
        var mappings: [ScenarioMapping] = []
        var names: [String] = []
        var functionName: (name: String, index: Int)?
        for (index, element) in elements.enumerated() {
            let path = "\(mappingListKey)[\(index)]"
            guard let object = reader.object(element, path, allowed: mappingElementKeys + ["function"]) else { continue }
            if object["function"] != nil {
                reader.report(object["function"], "\(path).function", "every ESM of the list invokes the scenario's one function (top-level function), whose concurrency they share; put the ESMs of another function in a scenario of their own")
            }
            if let target = reader.string(object, path, "FunctionName") {
                if let first = functionName, first.name != target {
                    reader.report(object["FunctionName"], "\(path).FunctionName", "\"\(target)\" is not the function of \(mappingListKey)[\(first.index)] (\"\(first.name)\"): a scenario simulates the ESMs of one function; put the others in a scenario of their own")
                } else if functionName == nil {
                    functionName = (target, index)
                }
            }
            let name = decodeMappingName(object, path: path, earlier: names, reader: reader)
            names.append(name ?? "")
            let elementReader = FieldReader(file: reader.file)
            let mapping = decodeWorkload(object, name: name ?? "", reader: elementReader)
            for problem in elementReader.problems {
                var placed = problem
                placed.path = problem.path.isEmpty ? path : FieldReader.join(path, problem.path)
                reader.add(placed)
            }
            if let mapping, name != nil { mappings.append(mapping) }
        }
        guard mappings.count == elements.count else { return nil }
        checkPollerGroups(mappings, elements: elements, reader: reader)
        return mappings
    }

    /// An element's `name`: 1 to 64 characters of [a-zA-Z0-9-_], not `total`, and not a
    /// name an earlier element took. Nil, with a problem, otherwise.
    static func decodeMappingName(_ object: JSONValue, path: String, earlier: [String], reader: FieldReader) -> String? {
        guard object["name"] != nil else {
            reader.report(object, "\(path).name", "missing; give the ESM a name: it names the ESM's row in summary.csv and its timeseries-NAME.csv")
            return nil
        }
        guard let name = reader.string(object, path, "name") else { return nil }
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        if name.isEmpty || name.count > maximumMappingNameLength || !allowed {
            reader.report(object["name"], "\(path).name", "must be 1 to \(maximumMappingNameLength) characters of [a-zA-Z0-9-_] (it becomes part of file names)")
            return nil
        }
        if name == totalRowName {
            reader.report(object["name"], "\(path).name", "\"\(totalRowName)\" names the function-wide row of the outputs; choose another name")
            return nil
        }
        if let first = earlier.firstIndex(of: name) {
            reader.report(object["name"], "\(path).name", "\"\(name)\" is already the name of \(mappingListKey)[\(first)]; each ESM needs its own name")
            return nil
        }
        return name
    }

    /// Every poller group within AWS's limits: at most 100 ESMs, and their `MaximumPollers`
    /// adding up to at most 2,000. Reported once per group, at the ESM that goes over;
    /// `elements[i]` is the JSON of `mappings[i]`.
    static func checkPollerGroups(_ mappings: [ScenarioMapping], elements: [JSONValue], reader: FieldReader) {
        var groups: [(name: String, count: Int, pollers: Int, reported: Bool)] = []
        for (index, mapping) in mappings.enumerated() {
            guard let group = mapping.pollerGroupName, let bounds = mapping.settings.provisionedPollers else { continue }
            let value = elements[index]["eventSourceMapping"]?["ProvisionedPollerConfig"]?["PollerGroupName"]
            let path = "\(mappingListKey)[\(index)].eventSourceMapping.ProvisionedPollerConfig.PollerGroupName"
            let slot = groups.firstIndex { $0.name == group } ?? groups.count
            if slot == groups.count { groups.append((group, 0, 0, false)) }
            groups[slot].count += 1
            groups[slot].pollers += bounds.maximum
            guard !groups[slot].reported else { continue }
            if groups[slot].count > maximumMappingsPerGroup {
                reader.report(value, path, "poller group \"\(group)\" has more than \(maximumMappingsPerGroup) ESMs, AWS's limit per group")
                groups[slot].reported = true
            } else if groups[slot].pollers > maximumGroupPollers {
                reader.report(value, path, "poller group \"\(group)\"'s ESMs add up to \(FieldReader.format(Double(groups[slot].pollers))) MaximumPollers so far; a poller group allows at most \(FieldReader.format(Double(maximumGroupPollers)))")
                groups[slot].reported = true
            }
        }
    }
}
