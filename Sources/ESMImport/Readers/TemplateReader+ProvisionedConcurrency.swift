import ESMFormats
import ESMScenarios

extension TemplateReader {
    /// A template's resources by logical ID, to follow `!Ref` and `!GetAtt` from a
    /// mapping's `FunctionName` to the function, version or alias it names.
    struct Resources {
        let byID: [String: JSONValue]
        let context: TemplateContext
        /// `Globals.Function`, whose `AutoPublishAlias` and `ProvisionedConcurrencyConfig` SAM functions inherit.
        let globalFunction: JSONValue?

        init(_ entries: [JSONValue.Member], context: TemplateContext, root: JSONValue) {
            var byID: [String: JSONValue] = [:]
            for entry in entries where byID[entry.key] == nil { byID[entry.key] = entry.value }
            self.byID = byID
            self.context = context
            globalFunction = root["Globals"]?["Function"]
        }

        /// A property of resource `id`, with a parameter reference replaced by its default.
        func property(_ id: String, _ key: String) -> JSONValue? {
            guard let value = byID[id]?["Properties"]?[key] else { return nil }
            return context.resolve(value)
        }

        /// A SAM function's own property, else the one in `Globals.Function`.
        func samProperty(_ id: String, _ key: String) -> JSONValue? {
            property(id, key) ?? globalFunction?[key].flatMap(context.resolve)
        }

        /// Text, when `value` is text (a parameter's default included).
        func text(_ value: JSONValue?) -> String? {
            guard let value, let resolved = context.resolve(value), case .string(let text) = resolved.kind else { return nil }
            return text
        }

        /// The names that identify function resource `id`: its logical ID and its `FunctionName`.
        func functionNames(_ id: String) -> Set<String> {
            var names: Set<String> = [id]
            if let name = text(property(id, "FunctionName")) { names.insert(ImportedFunction.bareName(name)) }
            return names
        }

        /// The alias a SAM function's events invoke: its `AutoPublishAlias` (SAM points the
        /// function's event sources at the alias it publishes).
        func autoPublishAlias(_ id: String) -> String? { text(samProperty(id, "AutoPublishAlias")) }

        /// What a `FunctionName` value invokes: a name or ARN (with its qualifier), or a
        /// function, alias or version resource of the template (`!Ref`, `!GetAtt`, SAM's
        /// `!Ref Function.Alias`); nil when it cannot be told (`!Sub`, `!ImportValue`...).
        func target(of value: JSONValue, depth: Int = 0) -> FunctionTarget? {
            guard depth < 8, let resolved = context.resolve(value) else { return nil }
            if case .string(let reference) = resolved.kind { return FunctionTarget(reference: reference) }
            guard let id = Intrinsic.referencedResource(resolved) else { return nil }
            if resolved["Ref"] != nil, id.hasSuffix(".Alias") {
                let function = String(id.dropLast(".Alias".count))
                guard context.resourceTypes[function] == "AWS::Serverless::Function", let alias = autoPublishAlias(function) else { return nil }
                return FunctionTarget(names: functionNames(function), qualifier: alias, label: function)
            }
            switch context.resourceTypes[id] {
            case let type? where functionTypes.contains(type):
                return FunctionTarget(names: functionNames(id), qualifier: nil, label: id)
            case "AWS::Lambda::Alias"?, "AWS::Lambda::Version"?:
                return qualifiedTarget(id, depth: depth)
            default:
                return nil
            }
        }

        /// The target of an `AWS::Lambda::Alias` (its `Name`) or `AWS::Lambda::Version`
        /// (`version of ID`: the number is known only once deployed) resource.
        func qualifiedTarget(_ id: String, depth: Int = 0) -> FunctionTarget? {
            guard let functionName = property(id, "FunctionName"), let function = target(of: functionName, depth: depth + 1) else { return nil }
            let isAlias = context.resourceTypes[id] == "AWS::Lambda::Alias"
            guard let qualifier = isAlias ? text(property(id, "Name")) : "version of \(id)" else { return nil }
            return FunctionTarget(names: function.names, qualifier: qualifier, label: function.label)
        }
    }

    /// The template's provisioned concurrency: `ProvisionedConcurrencyConfig` of
    /// `AWS::Lambda::Alias` and `AWS::Lambda::Version` resources, and of SAM functions
    /// (on the alias `AutoPublishAlias` publishes, which SAM requires for it).
    static func provisionedConcurrency(_ entries: [JSONValue.Member], resources: Resources, reader: ImportReader) -> [ImportedProvisionedConcurrency] {
        var configurations: [ImportedProvisionedConcurrency] = []
        for entry in entries {
            guard case .string(let type)? = entry.value["Type"]?.kind else { continue }
            let path = "Resources.\(entry.key).Properties.ProvisionedConcurrencyConfig"
            let source = "\(type) \(entry.key) in \(reader.file)"
            switch type {
            case "AWS::Lambda::Alias", "AWS::Lambda::Version":
                guard let config = resources.property(entry.key, "ProvisionedConcurrencyConfig"), !ImportReader.isAbsent(config) else { continue }
                guard var read = configuration(config, path: path, source: source, resources: resources, reader: reader) else { continue }
                read.target = resources.qualifiedTarget(entry.key)
                if read.target == nil {
                    read.notes.append("\(entry.key)'s FunctionName\(type == "AWS::Lambda::Alias" ? " or Name" : "") is not resolved")
                }
                configurations.append(read)
            case "AWS::Serverless::Function":
                let own = resources.property(entry.key, "ProvisionedConcurrencyConfig")
                guard let config = own ?? resources.globalFunction?["ProvisionedConcurrencyConfig"], !ImportReader.isAbsent(config) else { continue }
                let configPath = own == nil ? "Globals.Function.ProvisionedConcurrencyConfig" : path
                guard var read = configuration(config, path: configPath, source: source, resources: resources, reader: reader) else { continue }
                guard let alias = resources.autoPublishAlias(entry.key) else {
                    reader.report(config, configPath, "needs AutoPublishAlias on \(entry.key): SAM configures provisioned concurrency on the alias it publishes")
                    continue
                }
                read.target = FunctionTarget(names: resources.functionNames(entry.key), qualifier: alias, label: entry.key)
                configurations.append(read)
            default:
                continue
            }
        }
        return configurations
    }

    /// A `ProvisionedConcurrencyConfig {ProvisionedConcurrentExecutions}` object; its
    /// target is set by the caller.
    private static func configuration(_ config: JSONValue, path: String, source: String, resources: Resources, reader: ImportReader) -> ImportedProvisionedConcurrency? {
        guard reader.members(config, path) != nil else { return nil }
        let key = "ProvisionedConcurrentExecutions"
        let countPath = ImportReader.join(path, key)
        guard let written = config[key] else {
            reader.report(config, countPath, "missing; ProvisionedConcurrencyConfig gives the count of environments")
            return nil
        }
        guard let count = resources.context.resolve(written) else { return nil }
        var read = ImportedProvisionedConcurrency(target: nil, executions: nil, source: source, value: count, file: reader.file, path: countPath)
        if let call = Intrinsic.describe(count) {
            read.notes.append("\(countPath) = \(call) is not resolved")
            return read
        }
        guard let executions = ProvisionedConcurrencyReader.executions(count, countPath, reader: reader) else { return nil }
        read.executions = executions
        return read
    }
}
