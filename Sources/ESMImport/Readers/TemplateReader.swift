import ESMFormats
import ESMScenarios

/// Reads a CloudFormation or SAM template (JSON, or YAML already read as JSON):
/// `AWS::Lambda::EventSourceMapping` resources, SAM functions' `MSK` and
/// `SelfManagedKafka` events, and the functions they invoke (`MemorySize`, `Timeout`,
/// `Architectures`, `ReservedConcurrentExecutions`, SAM's `Globals.Function`).
enum TemplateReader {
    /// The resource types whose `Properties` are a function's.
    static let functionTypes: Set<String> = ["AWS::Lambda::Function", "AWS::Serverless::Function"]
    /// SAM event types that are Kafka event source mappings.
    static let kafkaEventTypes: Set<String> = ["MSK", "SelfManagedKafka"]

    /// Every Kafka mapping in the template; its provisioned concurrency configurations go
    /// to `provisioned`.
    static func mappings(_ root: JSONValue, reader: ImportReader, provisioned: inout [ImportedProvisionedConcurrency]) -> [ImportedMapping] {
        guard reader.members(root, "") != nil else { return [] }
        guard let resources = root["Resources"] else {
            reader.report(root, "Resources", "missing; a template declares its resources under Resources")
            return []
        }
        guard let entries = reader.members(resources, "Resources") else { return [] }
        let isSAM = root["Transform"].map { $0.compactJSON.contains("AWS::Serverless") } ?? false
        var context = TemplateContext()
        if let parameters = root["Parameters"]?.members {
            for parameter in parameters {
                if let value = parameter.value["Default"] { context.parameterDefaults[parameter.key] = value }
            }
        }
        for entry in entries {
            if case .string(let type)? = entry.value["Type"]?.kind { context.resourceTypes[entry.key] = type }
        }
        let functions = readFunctions(root, entries, context: context, reader: reader)
        let index = Resources(entries, context: context, root: root)
        provisioned += provisionedConcurrency(entries, resources: index, reader: reader)
        var mappings: [ImportedMapping] = []
        for entry in entries {
            let path = "Resources.\(entry.key)"
            guard entry.value.members != nil else {
                reader.report(entry.value, path, .wrongType(expected: "a resource object", found: entry.value.typeName))
                continue
            }
            guard let typeValue = entry.value["Type"], case .string(let type) = typeValue.kind else {
                reader.report(entry.value["Type"] ?? entry.value, "\(path).Type", entry.value["Type"] == nil ? "missing; every resource has a Type" : "expected a string")
                continue
            }
            switch type {
            case "AWS::Lambda::EventSourceMapping":
                guard let properties = entry.value["Properties"] else {
                    reader.report(entry.value, "\(path).Properties", "missing; an event source mapping needs FunctionName and its source")
                    continue
                }
                var mapping = ImportedMapping(file: reader.file, format: isSAM ? "SAM template" : "CloudFormation template", identifier: entry.key, name: entry.key, at: entry.value)
                MappingPropertiesReader(reader: reader, dialect: .cloudFormation, template: context).read(properties, path: "\(path).Properties", into: &mapping)
                attachFunction(properties["FunctionName"], functions: functions, to: &mapping)
                if let functionName = properties["FunctionName"], let target = index.target(of: functionName) {
                    mapping.target = target
                    // An alias or version of a template function: the function's settings apply.
                    if mapping.function == nil, Intrinsic.referencedResource(functionName) != nil, let function = functions[target.label] {
                        mapping.function = function
                        mapping.unresolved.removeAll { $0.hasSuffix(".FunctionName = \(Intrinsic.describe(functionName) ?? "")") }
                    }
                }
                mappings.append(mapping)
            case "AWS::Serverless::Function":
                let target = FunctionTarget(names: index.functionNames(entry.key), qualifier: index.autoPublishAlias(entry.key), label: entry.key)
                mappings += samEvents(entry, path: path, function: functions[entry.key], context: context, reader: reader).map { event in
                    var mapping = event
                    mapping.target = target
                    return mapping
                }
            default:
                break
            }
        }
        return mappings
    }

    /// The Kafka events of a SAM function, one mapping each.
    static func samEvents(_ entry: JSONValue.Member, path: String, function: ImportedFunction?, context: TemplateContext, reader: ImportReader) -> [ImportedMapping] {
        guard let events = entry.value["Properties"]?["Events"], !ImportReader.isAbsent(events),
              let members = reader.members(events, "\(path).Properties.Events") else { return [] }
        var mappings: [ImportedMapping] = []
        for event in members {
            let eventPath = "\(path).Properties.Events.\(event.key)"
            guard case .string(let type)? = event.value["Type"]?.kind, kafkaEventTypes.contains(type) else { continue }
            guard let properties = event.value["Properties"] else {
                reader.report(event.value, "\(eventPath).Properties", "missing; a \(type) event needs its properties (Topics, \(type == "MSK" ? "Stream" : "KafkaBootstrapServers"), ...)")
                continue
            }
            var mapping = ImportedMapping(file: reader.file, format: "SAM template (\(type) event)", identifier: "\(entry.key).\(event.key)", name: "\(entry.key)-\(event.key)", at: event.value)
            MappingPropertiesReader(reader: reader, dialect: .sam, template: context).read(properties, path: "\(eventPath).Properties", into: &mapping)
            mapping.function = function
            mappings.append(mapping)
        }
        return mappings
    }

    /// The template's functions by logical ID, SAM functions filled from `Globals.Function`.
    static func readFunctions(_ root: JSONValue, _ entries: [JSONValue.Member], context: TemplateContext, reader: ImportReader) -> [String: ImportedFunction] {
        let functionReader = FunctionPropertiesReader(reader: reader, terraform: false, template: context)
        var globals = ImportedFunction(name: nil, source: "Globals.Function")
        if let global = root["Globals"]?["Function"], reader.members(global, "Globals.Function") != nil {
            functionReader.read(global, path: "Globals.Function", into: &globals)
        }
        var functions: [String: ImportedFunction] = [:]
        for entry in entries {
            guard case .string(let type)? = entry.value["Type"]?.kind, functionTypes.contains(type) else { continue }
            let path = "Resources.\(entry.key).Properties"
            var function = ImportedFunction(name: nil, source: "\(type) \(entry.key) in \(reader.file)")
            if let properties = entry.value["Properties"], reader.members(properties, path) != nil {
                if case .string(let name)? = properties["FunctionName"]?.kind { function.name = name }
                functionReader.read(properties, path: path, into: &function)
            }
            if type == "AWS::Serverless::Function" { function = function.filling(from: globals) }
            functions[entry.key] = function
        }
        return functions
    }

    /// The function a mapping's `FunctionName` names: a template resource (by `!Ref`,
    /// `!GetAtt` or its `FunctionName`), else a name to match a function file with.
    static func attachFunction(_ value: JSONValue?, functions: [String: ImportedFunction], to mapping: inout ImportedMapping) {
        guard let value else { return }
        if let id = Intrinsic.referencedResource(value), let function = functions[id] {
            mapping.function = function
            mapping.unresolved.removeAll { $0.hasSuffix(".FunctionName = \(Intrinsic.describe(value) ?? "")") }
            return
        }
        if case .string(let name) = value.kind {
            let bare = ImportedFunction.bareName(name)
            mapping.function = functions.sorted { $0.key < $1.key }.first { $0.value.name.map(ImportedFunction.bareName) == bare }?.value
        }
    }
}
