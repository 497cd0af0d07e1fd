import ESMFormats
import ESMScenarios

/// Reads what the AWS CLI prints: `aws lambda get-event-source-mapping` (one
/// `EventSourceMappingConfiguration`), `list-event-source-mappings`
/// (`{"EventSourceMappings": [...], "NextMarker": ...}`), `get-function-configuration`,
/// `get-function` and `get-function-concurrency`.
enum AWSCLIReader {
    /// The mappings of a `get-event-source-mapping` or `list-event-source-mappings` output
    /// (or a bare array of mappings, as `--query EventSourceMappings` prints).
    static func mappings(_ root: JSONValue, reader: ImportReader) -> [ImportedMapping] {
        let list: [JSONValue]
        let listPath: String
        var pageNote: String?
        if case .array(let elements) = root.kind {
            list = elements
            listPath = ""
        } else if let value = root["EventSourceMappings"] {
            guard let members = reader.members(root, ""), let elements = reader.elements(value, "EventSourceMappings") else { return [] }
            for member in members where member.key != "EventSourceMappings" && member.key != "NextMarker" {
                reader.report(member.value, member.key, "unknown field; list-event-source-mappings prints EventSourceMappings and NextMarker")
            }
            if let marker = root["NextMarker"], !ImportReader.isAbsent(marker) {
                pageNote = "the list has more pages (NextMarker): only this page was read; run list-event-source-mappings with --starting-token or without --max-items"
            }
            list = elements
            listPath = "EventSourceMappings"
        } else {
            return [mapping(root, path: "", command: "aws lambda get-event-source-mapping", index: nil, reader: reader)]
        }
        return list.enumerated().map { offset, element in
            var mapping = mapping(element, path: "\(listPath)[\(offset)]", command: "aws lambda list-event-source-mappings", index: offset, reader: reader)
            if let pageNote { mapping.notes.append(pageNote) }
            return mapping
        }
    }

    /// One `EventSourceMappingConfiguration`.
    static func mapping(_ value: JSONValue, path: String, command: String, index: Int?, reader: ImportReader) -> ImportedMapping {
        var uuid: String?
        if case .string(let text)? = value["UUID"]?.kind { uuid = text }
        let identifier = uuid ?? index.map { "EventSourceMappings[\($0)]" } ?? "the mapping"
        var mapping = ImportedMapping(file: reader.file, format: command, identifier: identifier, name: "", at: value)
        MappingPropertiesReader(reader: reader, dialect: .api, template: nil).read(value, path: path, into: &mapping)
        mapping.name = name(function: mapping.functionReference, topic: value["Topics"], uuid: uuid, index: index)
        return mapping
    }

    /// `FUNCTION-TOPIC` when both are known, else the UUID's first group, else the position.
    static func name(function: String?, topic: JSONValue?, uuid: String?, index: Int?) -> String {
        var parts: [String] = []
        if let function { parts.append(ImportedFunction.bareName(function)) }
        if case .array(let topics)? = topic?.kind, case .string(let first)? = topics.first?.kind { parts.append(first) }
        if parts.isEmpty, let uuid { parts.append("esm-" + (uuid.split(separator: "-").first.map(String.init) ?? uuid)) }
        if parts.isEmpty { parts.append("esm" + (index.map { "-\($0 + 1)" } ?? "")) }
        return parts.joined(separator: "-")
    }

    /// A function's settings from `get-function-configuration`, `get-function`
    /// (`Configuration` and `Concurrency`) or `get-function-concurrency`.
    static func function(_ root: JSONValue, reader: ImportReader) -> ImportedFunction {
        let functionReader = FunctionPropertiesReader(reader: reader, terraform: false, template: nil)
        if let configuration = root["Configuration"], !ImportReader.isAbsent(configuration) {
            var function = ImportedFunction(name: functionName(configuration), source: "aws lambda get-function in \(reader.file)")
            if reader.members(configuration, "Configuration") != nil {
                functionReader.read(configuration, path: "Configuration", into: &function)
            }
            if let concurrency = root["Concurrency"], !ImportReader.isAbsent(concurrency), reader.members(concurrency, "Concurrency") != nil {
                functionReader.read(concurrency, path: "Concurrency", into: &function)
            }
            return function
        }
        let command = root["FunctionName"] == nil && root["FunctionArn"] == nil ? "aws lambda get-function-concurrency" : "aws lambda get-function-configuration"
        var function = ImportedFunction(name: functionName(root), source: "\(command) in \(reader.file)")
        functionReader.read(root, path: "", into: &function)
        return function
    }

    private static func functionName(_ object: JSONValue) -> String? {
        for key in ["FunctionArn", "FunctionName"] {
            if case .string(let text)? = object[key]?.kind { return text }
        }
        return nil
    }
}
