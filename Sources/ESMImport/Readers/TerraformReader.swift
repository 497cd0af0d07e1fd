import ESMFormats
import ESMScenarios

/// Reads `terraform show -json` output (state, or a plan's `planned_values`):
/// `aws_lambda_event_source_mapping` resources in the root module and every child
/// module, and `aws_lambda_function` resources for the functions they invoke.
enum TerraformReader {
    /// One managed resource: its address, type, `values` and path in the file.
    struct Resource {
        var address: String
        var type: String
        var values: JSONValue
        var path: String
    }

    /// Every Kafka mapping in the state or plan; its provisioned concurrency
    /// configurations (`aws_lambda_provisioned_concurrency_config`) go to `provisioned`.
    static func mappings(_ root: JSONValue, reader: ImportReader, provisioned: inout [ImportedProvisionedConcurrency]) -> [ImportedMapping] {
        let key = root["values"] != nil ? "values" : "planned_values"
        guard let values = root[key], !ImportReader.isAbsent(values) else {
            reader.report(root, "values", "missing; terraform show -json prints the state's resources under values (a plan's under planned_values)")
            return []
        }
        guard reader.members(values, key) != nil else { return [] }
        guard let module = values["root_module"] else {
            reader.report(values, "\(key).root_module", "missing; the resources sit under root_module")
            return []
        }
        var resources: [Resource] = []
        collect(module, path: "\(key).root_module", into: &resources, reader: reader, depth: 0)
        let functionReader = FunctionPropertiesReader(reader: reader, terraform: true, template: nil)
        var functions: [(names: [String], function: ImportedFunction)] = []
        for resource in resources where resource.type == "aws_lambda_function" {
            var function = ImportedFunction(name: nil, source: "\(resource.address) in \(reader.file)")
            functionReader.read(resource.values, path: resource.path, into: &function)
            let names = ["function_name", "arn", "qualified_arn"].compactMap { key -> String? in
                if case .string(let text)? = resource.values[key]?.kind { return text }
                return nil
            }
            function.name = names.first
            functions.append((names.map(ImportedFunction.bareName), function))
        }
        provisioned += resources.filter { $0.type == provisionedConcurrencyType }.compactMap { provisionedConcurrency($0, reader: reader) }
        var mappings: [ImportedMapping] = []
        for resource in resources where resource.type == "aws_lambda_event_source_mapping" {
            var mapping = ImportedMapping(file: reader.file, format: "terraform show -json", identifier: resource.address, name: name(of: resource.address), at: resource.values)
            MappingPropertiesReader(reader: reader, dialect: .terraform, template: nil).read(resource.values, path: resource.path, into: &mapping)
            if let reference = mapping.functionReference {
                mapping.function = functions.first { $0.names.contains(ImportedFunction.bareName(reference)) }?.function
            }
            mappings.append(mapping)
        }
        return mappings
    }

    /// The managed resources of `module` and its child modules, in file order.
    static func collect(_ module: JSONValue, path: String, into resources: inout [Resource], reader: ImportReader, depth: Int) {
        guard reader.members(module, path) != nil else { return }
        guard depth < 64 else {
            reader.report(module, path, "modules nested deeper than 64 levels")
            return
        }
        if let list = module["resources"], !ImportReader.isAbsent(list), let elements = reader.elements(list, "\(path).resources") {
            for (offset, element) in elements.enumerated() {
                let resourcePath = "\(path).resources[\(offset)]"
                guard reader.members(element, resourcePath) != nil else { continue }
                guard case .string(let type)? = element["type"]?.kind, case .string(let address)? = element["address"]?.kind else {
                    reader.report(element, resourcePath, "a resource needs its type and address")
                    continue
                }
                if case .string(let mode)? = element["mode"]?.kind, mode != "managed" { continue }
                guard ["aws_lambda_event_source_mapping", "aws_lambda_function", provisionedConcurrencyType].contains(type) else { continue }
                guard let values = element["values"], values.members != nil else {
                    reader.report(element["values"] ?? element, "\(resourcePath).values", element["values"] == nil ? "missing; the resource's attributes sit under values" : "expected an object")
                    continue
                }
                resources.append(Resource(address: address, type: type, values: values, path: "\(resourcePath).values"))
            }
        }
        if let children = module["child_modules"], !ImportReader.isAbsent(children), let elements = reader.elements(children, "\(path).child_modules") {
            for (offset, child) in elements.enumerated() {
                collect(child, path: "\(path).child_modules[\(offset)]", into: &resources, reader: reader, depth: depth + 1)
            }
        }
    }

    /// The resource type of a provisioned concurrency configuration.
    static let provisionedConcurrencyType = "aws_lambda_provisioned_concurrency_config"

    /// An `aws_lambda_provisioned_concurrency_config`: `function_name` (name or ARN),
    /// `qualifier` (alias name or version) and `provisioned_concurrent_executions`.
    static func provisionedConcurrency(_ resource: Resource, reader: ImportReader) -> ImportedProvisionedConcurrency? {
        let values = resource.values
        var texts: [String: String] = [:]
        for key in ["function_name", "qualifier"] {
            guard let value = values[key], !ImportReader.isAbsent(value) else {
                reader.report(values, ImportReader.join(resource.path, key), "missing; the configuration names the function and the alias or version it is on")
                continue
            }
            if let text = reader.string(value, ImportReader.join(resource.path, key)) { texts[key] = text }
        }
        let key = "provisioned_concurrent_executions"
        guard let count = values[key], !ImportReader.isAbsent(count) else {
            reader.report(values, ImportReader.join(resource.path, key), "missing; the configuration's count of environments")
            return nil
        }
        let executions = ProvisionedConcurrencyReader.executions(count, ImportReader.join(resource.path, key), reader: reader)
        guard let executions, let name = texts["function_name"], let qualifier = texts["qualifier"] else { return nil }
        ProvisionedConcurrencyReader.checkQualifier(qualifier, at: values["qualifier"]!, ImportReader.join(resource.path, "qualifier"), reader: reader)
        let function = FunctionTarget(reference: name)
        let target = FunctionTarget(names: function.names, qualifier: qualifier, label: function.label)
        return ImportedProvisionedConcurrency(
            target: target, executions: executions, source: "\(resource.address) in \(reader.file)", value: count,
            file: reader.file, path: ImportReader.join(resource.path, key))
    }

    /// A scenario name from an address: `module.kafka.aws_lambda_event_source_mapping.orders[0]` is `kafka-orders-0`.
    static func name(of address: String) -> String {
        let parts = address.split(separator: ".").filter { $0 != "module" && $0 != "aws_lambda_event_source_mapping" }
        let joined = parts.joined(separator: "-")
        return String(joined.map { $0 == "[" ? "-" : $0 }.filter { $0 != "]" && $0 != "\"" })
    }
}
