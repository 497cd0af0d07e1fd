import ESMFormats
import ESMScenarios

/// Reads one event source mapping's properties in any dialect (API JSON, CloudFormation,
/// SAM, Terraform): checks every known field's type and API range, puts the ones the
/// model uses into the scenario's `eventSourceMapping`, and lists the rest as ignored.
struct MappingPropertiesReader {
    let reader: ImportReader
    let dialect: MappingDialect
    /// The template's parameters and resources; nil outside templates.
    let template: TemplateContext?

    /// Reads `object` (at `path` in its file) into `mapping`.
    func read(_ object: JSONValue, path: String, into mapping: inout ImportedMapping) {
        guard let members = reader.members(object, path) else { return }
        var sawSource = false
        for member in members {
            let fieldPath = ImportReader.join(path, member.key)
            guard let field = MappingField.named(member.key, in: dialect) else {
                unknown(member, fieldPath, into: &mapping)
                continue
            }
            // Terraform writes 0 for an unset maximum record age, a value the API refuses.
            let zeroMeansUnset = field.isIgnored || field.name == "MaximumRecordAgeInSeconds"
            guard let value = present(member.value, shape: field.shape, ignored: zeroMeansUnset) else { continue }
            if ["EventSourceArn", "Stream", "SelfManagedEventSource", "KafkaBootstrapServers"].contains(field.name) { sawSource = true }
            if let call = Intrinsic.describe(value) {
                mapping.unresolved.append("\(fieldPath) = \(call)" + (field.isIgnored ? "" : " (AWS's default is used)"))
                if field.name == "EventSourceArn" || field.name == "Stream" { checkReferencedSource(value, fieldPath, into: &mapping) }
                continue
            }
            guard check(value, field.shape, fieldPath) else { continue }
            switch field.role {
            case .model: readModelField(field.name, value, fieldPath, into: &mapping)
            case .ignored(let reason): mapping.ignored.append(.init(field: member.key, reason: reason))
            }
            noteIdentity(field.name, value, fieldPath, into: &mapping)
        }
        if !sawSource {
            mapping.notes.append("no event source (EventSourceArn or SelfManagedEventSource): assumed to be Kafka")
        }
    }

    /// The value, or nil when it is absent: JSON null, `!Ref AWS::NoValue`, and in
    /// Terraform an empty block, string or (for fields the model ignores) a zero or false
    /// that only stands for "not set". A template parameter's default replaces its `Ref`;
    /// a Terraform block's one element replaces the block.
    func present(_ value: JSONValue?, shape: MappingField.Shape, ignored: Bool) -> JSONValue? {
        guard var value, value.kind != .null else { return nil }
        if let template {
            guard let resolved = template.resolve(value), resolved.kind != .null else { return nil }
            value = resolved
        }
        guard dialect == .terraform else { return value }
        switch value.kind {
        case .array(let elements) where shape.isObject:
            guard elements.count == 1 else { return elements.isEmpty ? nil : value }
            return elements[0]
        case .array(let elements): return elements.isEmpty ? nil : value
        case .object(let members): return members.isEmpty ? nil : value
        case .string(let text): return text.isEmpty ? nil : value
        case .number(let number): return ignored && number == 0 ? nil : value
        case .bool(let flag): return ignored && !flag ? nil : value
        case .null: return nil
        }
    }

    /// Checks `value` against the API's type and range for the field; Terraform's own
    /// schema has typed the fields the model ignores, in shapes of its own.
    func check(_ value: JSONValue, _ shape: MappingField.Shape, _ path: String) -> Bool {
        switch shape {
        case .integer(let range): return reader.number(value, path, range: range, whole: true) != nil
        case .boolean: return reader.bool(value, path) != nil
        case .string: return reader.string(value, path) != nil
        case .choice(let choices): return reader.choice(value, path, choices) != nil
        case .object:
            if dialect == .terraform { return true }
            return reader.members(value, path) != nil
        case .array: return reader.elements(value, path) != nil
        case .stringArray:
            guard let elements = reader.elements(value, path) else { return false }
            for (offset, element) in elements.enumerated() where Intrinsic.describe(element) == nil || !dialect.isTemplate {
                guard reader.string(element, "\(path)[\(offset)]") != nil else { return false }
            }
            return true
        case .timestamp:
            switch value.kind {
            case .number, .string: return true
            default:
                reader.report(value, path, "expected a timestamp (ISO 8601 text or epoch seconds), found \(value.typeName)")
                return false
            }
        }
    }

    /// A key no dialect knows: a likely misspelling of a known field is an error (the
    /// user's setting would be lost); anything else is listed as ignored.
    func unknown(_ member: JSONValue.Member, _ path: String, into mapping: inout ImportedMapping) {
        if dialect == .terraform {
            mapping.ignored.append(.init(field: member.key, reason: MappingField.terraformOnly.contains(member.key)
                ? "Terraform's own attribute" : "an attribute esmsim does not know"))
            return
        }
        if let suggestion = SpellingSuggestion.closest(to: member.key, in: MappingField.names(in: dialect)) {
            reader.report(member.value, path, .unknownField(suggestion: suggestion, allowed: MappingField.names(in: dialect)))
        } else if !ImportReader.isAbsent(member.value) {
            mapping.ignored.append(.init(field: member.key, reason: "not a field esmsim knows"))
        }
    }

    /// Reads a field the model uses into the scenario's settings.
    func readModelField(_ name: String, _ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        switch name {
        case "StartingPosition":
            guard case .string(var position) = value.kind else { return }
            if position == "AT_TIMESTAMP" {
                mapping.notes.append("StartingPosition AT_TIMESTAMP: imported as TRIM_HORIZON, so the backlog stands for the records after StartingPositionTimestamp; to date a backlog instead, set AT_TIMESTAMP with StartingPositionTimestamp in seconds from the ESM's start and topic.backlogSpanSeconds")
                position = "TRIM_HORIZON"
            }
            mapping.set(name, JSONValue(.string(position), line: value.line, column: value.column), reported: "\(name) \(position)")
        case "ProvisionedPollerConfig":
            readPollers(value, path, into: &mapping)
        case "DestinationConfig":
            readDestination(value, path, into: &mapping)
        case "BisectBatchOnFunctionError":
            guard case .bool(let flag) = value.kind else { return }
            mapping.set(name, value, reported: "\(name) \(flag)")
        case "FunctionResponseTypes":
            readResponseTypes(value, path, into: &mapping)
        default:
            guard let number = reader.number(value, path, range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, whole: true) else { return }
            mapping.set(name, JSONValue(.number(number), line: value.line, column: value.column), reported: "\(name) \(ImportReader.format(number))")
        }
    }

    /// `FunctionResponseTypes`: `["ReportBatchItemFailures"]`, the one value AWS accepts,
    /// turns on partial batch responses; an empty list is the default.
    func readResponseTypes(_ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        guard case .array(let types) = value.kind, !types.isEmpty else { return }
        for (offset, type) in types.enumerated() {
            if let call = Intrinsic.describe(type) {
                mapping.unresolved.append("\(path)[\(offset)] = \(call) (AWS's default is used)")
                return
            }
            guard case .string("ReportBatchItemFailures") = type.kind else {
                reader.report(type, "\(path)[\(offset)]", "must be \"ReportBatchItemFailures\", the only function response type")
                return
            }
        }
        let single = JSONValue(.array([JSONValue(.string("ReportBatchItemFailures"), line: value.line, column: value.column)]), line: value.line, column: value.column)
        mapping.set("FunctionResponseTypes", single, reported: "FunctionResponseTypes ReportBatchItemFailures")
        mapping.notes.append("FunctionResponseTypes ReportBatchItemFailures: records fail one by one only with function.recordFailureShare, which no AWS file gives; add it to the scenario")
    }

    /// `ProvisionedPollerConfig`: provisioned mode when it gives MinimumPollers or
    /// MaximumPollers; an empty one is on-demand, as AWS reads `{}`.
    func readPollers(_ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        let keys = ["MinimumPollers", "MaximumPollers", "PollerGroupName"]
        guard let members = reader.members(value, path) else { return }
        var config: [JSONValue.Member] = []
        var bounds: [String: (Double, JSONValue)] = [:]
        var provisioned = false
        for member in members {
            let memberPath = ImportReader.join(path, member.key)
            guard let key = keys.first(where: { spelling($0) == member.key }) else {
                let hint = SpellingSuggestion.closest(to: member.key, in: keys.map(spelling)).map { "did you mean \"\($0)\"?" }
                    ?? "expected \(keys.map(spelling).joined(separator: ", "))"
                reader.report(member.value, memberPath, "unknown field; \(hint)")
                continue
            }
            guard let field = present(member.value, shape: .string, ignored: false) else { continue }
            if let call = Intrinsic.describe(field) {
                mapping.unresolved.append("\(memberPath) = \(call) (AWS's default is used)")
                provisioned = provisioned || key != "PollerGroupName"
                continue
            }
            if key == "PollerGroupName" {
                guard let name = reader.string(field, memberPath) else { continue }
                if name.count > 128 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    reader.report(field, memberPath, "must be at most 128 characters of [a-zA-Z0-9-_]")
                } else if !name.isEmpty {
                    config.append(.init(key: key, value: field))
                    mapping.read.append("ProvisionedPollerConfig.\(key) \(name)")
                }
                continue
            }
            provisioned = true
            let range: ClosedRange<Double> = key == "MinimumPollers" ? 1...200 : 1...2_000
            guard let number = reader.number(field, memberPath, range: range, whole: true) else { continue }
            bounds[key] = (number, field)
            config.append(.init(key: key, value: JSONValue(.number(number), line: field.line, column: field.column)))
            mapping.read.append("ProvisionedPollerConfig.\(key) \(ImportReader.format(number))")
        }
        if let minimum = bounds["MinimumPollers"], let maximum = bounds["MaximumPollers"], maximum.0 < minimum.0 {
            reader.report(maximum.1, ImportReader.join(path, spelling("MaximumPollers")),
                          "\(ImportReader.format(maximum.0)) is less than MinimumPollers (\(ImportReader.format(minimum.0)))")
        }
        guard provisioned else {
            mapping.notes.append("ProvisionedPollerConfig gives neither MinimumPollers nor MaximumPollers: on-demand mode, as AWS reads {}")
            return
        }
        if bounds.isEmpty {
            config.insert(.init(key: "MinimumPollers", value: JSONValue(.number(1), line: value.line, column: value.column)), at: 0)
        }
        mapping.settings.append(.init(key: "ProvisionedPollerConfig", value: JSONValue(.object(config), line: value.line, column: value.column)))
    }

    /// `DestinationConfig`: an on-failure destination changes retries; on-success is ignored.
    func readDestination(_ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        guard let members = reader.members(value, path) else { return }
        for member in members {
            let memberPath = ImportReader.join(path, member.key)
            guard member.key == spelling("OnFailure") || member.key == spelling("OnSuccess") else {
                reader.report(member.value, memberPath, "unknown field; expected \(spelling("OnFailure")) or \(spelling("OnSuccess"))")
                continue
            }
            guard let target = present(member.value, shape: .object, ignored: false) else { continue }
            guard member.key == spelling("OnFailure") else {
                mapping.ignored.append(.init(field: "DestinationConfig.OnSuccess", reason: "on-success destinations: no effect on scaling"))
                continue
            }
            guard let fields = reader.members(target, memberPath) else { continue }
            let destinationKey = spelling("Destination")
            for field in fields where field.key != destinationKey && field.key != "Type" {
                reader.report(field.value, ImportReader.join(memberPath, field.key), "unknown field; expected \(destinationKey)")
            }
            let destinationPath = ImportReader.join(memberPath, destinationKey)
            guard let destination = present(target[destinationKey], shape: .string, ignored: false) else {
                reader.report(target, destinationPath, "missing; give the destination's ARN")
                continue
            }
            var written: String
            if let call = Intrinsic.describe(destination) {
                written = "arn:unresolved:\(call)"
                mapping.unresolved.append("\(destinationPath) = \(call) (kept as \(written): the model needs only to know a destination exists)")
            } else {
                guard let text = reader.string(destination, destinationPath) else { continue }
                guard text.hasPrefix("arn:") || text.hasPrefix("kafka://") else {
                    reader.report(destination, destinationPath, "\"\(text)\" is not an ARN (arn:...) or a Kafka topic (kafka://TOPIC)")
                    continue
                }
                written = text
            }
            let destinationValue = JSONValue(.string(written), line: destination.line, column: destination.column)
            let onFailure = JSONValue(.object([.init(key: "Destination", value: destinationValue)]), line: target.line, column: target.column)
            mapping.settings.append(.init(key: "DestinationConfig", value: JSONValue(.object([.init(key: "OnFailure", value: onFailure)]), line: value.line, column: value.column)))
            mapping.read.append("DestinationConfig.OnFailure.Destination \(written)")
        }
    }

    /// Facts about the mapping's identity: its source (is it Kafka?), topics, function, state.
    func noteIdentity(_ name: String, _ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        switch (name, value.kind) {
        case ("EventSourceArn", .string(let arn)), ("Stream", .string(let arn)):
            let service = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first.map(String.init) ?? ""
            if arn.hasPrefix("arn:") && service != "kafka" {
                mapping.notKafka = "its event source \(arn) is not Kafka (service \(service.isEmpty ? "unknown" : service)); esmsim models Kafka event source mappings only"
            }
        case ("Topics", .array(let topics)) where topics.count > 1:
            mapping.notes.append("\(topics.count) topics: the model simulates one topic, so give --partitions as the partitions of all of them together")
        case ("FunctionArn", .string(let reference)), ("FunctionName", .string(let reference)):
            mapping.functionReference = reference
            // FunctionArn (as Lambda returns it) may carry the qualifier FunctionName left out.
            let target = FunctionTarget(reference: reference)
            if mapping.target?.qualifier == nil { mapping.target = target }
        case ("State", .string(let state)) where state != "Enabled":
            mapping.notes.append("State is \(state): simulated as if Enabled")
        case ("Enabled", _) where reader.bool(value, path) == false:
            mapping.notes.append("the mapping is disabled (\(dialect == .terraform ? "enabled" : "Enabled") false): simulated as if enabled")
        default:
            break
        }
    }

    /// An event source given as `!Ref` or `!GetAtt` of a resource in the template: its type
    /// says whether it is an MSK cluster.
    func checkReferencedSource(_ value: JSONValue, _ path: String, into mapping: inout ImportedMapping) {
        guard let id = Intrinsic.referencedResource(value), let type = template?.resourceTypes[id] else {
            mapping.notes.append("\(path) is not resolved: assumed to be a Kafka cluster")
            return
        }
        if !type.hasPrefix("AWS::MSK::") {
            mapping.notKafka = "its event source \(id) is a \(type), not Kafka; esmsim models Kafka event source mappings only"
        }
    }

    /// A nested field's name in this dialect (Terraform: snake_case, `destination_arn`).
    func spelling(_ apiName: String) -> String {
        guard dialect == .terraform else { return apiName }
        if apiName == "Destination" { return "destination_arn" }
        var snake = ""
        for character in apiName {
            if character.isUppercase && !snake.isEmpty { snake += "_" }
            snake += character.lowercased()
        }
        return snake
    }
}

extension MappingField {
    /// Whether the model ignores the field.
    var isIgnored: Bool {
        if case .ignored = role { return true }
        return false
    }
}

extension MappingField.Shape {
    /// Whether the field is an object (a one-element block in Terraform).
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
