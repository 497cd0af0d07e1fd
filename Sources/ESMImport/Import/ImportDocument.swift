import ESMFormats
import ESMScenarios
import Foundation

/// One input file, parsed (JSON, or YAML for templates) and recognised by its content.
struct ImportDocument {
    /// What a file holds.
    enum Content: Equatable {
        /// `get-event-source-mapping`, `list-event-source-mappings` or an array of mappings.
        case mappings
        /// `get-function-configuration`, `get-function` or `get-function-concurrency`.
        case function
        /// `get-provisioned-concurrency-config` or `list-provisioned-concurrency-configs`.
        case provisionedConcurrency
        /// A CloudFormation or SAM template.
        case template
        /// `terraform show -json`.
        case terraform
    }

    let path: String
    let root: JSONValue
    let content: Content

    /// What `esmsim import` reads, for messages.
    static let formats = "the JSON of aws lambda get-event-source-mapping, list-event-source-mappings, get-function-configuration or get-provisioned-concurrency-config / list-provisioned-concurrency-configs, a CloudFormation or SAM template (JSON or YAML), or terraform show -json"

    /// Reads and recognises `path`; YAML when the name ends in .yaml, .yml or .template
    /// and the text does not start with `{`.
    static func read(path: String) throws(DiagnosticError) -> ImportDocument {
        let text = try TextFile.read(path: path)
        return try make(text: text, path: path)
    }

    /// Parses and recognises `text`, which `path` names in messages.
    static func make(text: String, path: String) throws(DiagnosticError) -> ImportDocument {
        let root = try parse(text, path: path)
        guard let content = recognise(root) else {
            throw problem(path, root.line, root.column, "not a format esmsim import reads; expected \(formats)")
        }
        return ImportDocument(path: path, root: root, content: content)
    }

    /// Parses text as JSON, or as YAML read the CloudFormation way.
    static func parse(_ text: String, path: String) throws(DiagnosticError) -> JSONValue {
        if JSONDocument.looksLikeJSON(text) || path.lowercased().hasSuffix(".json") {
            do {
                return try JSONParser.parse(text)
            } catch {
                throw problem(path, error.line, error.column, "malformed JSON: \(error.message)")
            }
        }
        do {
            return try YAMLParser.parse(text).cloudFormationJSON()
        } catch {
            throw problem(path, error.line, error.column, "malformed YAML: \(error.message)")
        }
    }

    /// What `root` holds, judged by its keys.
    static func recognise(_ root: JSONValue) -> Content? {
        if case .array = root.kind { return .mappings }
        guard let members = root.members else { return nil }
        let keys = Set(members.map(\.key))
        if !keys.isDisjoint(with: ["Resources", "AWSTemplateFormatVersion", "Transform"]) { return .template }
        if keys.contains("format_version") || keys.contains("terraform_version") { return .terraform }
        if keys.contains("EventSourceMappings") { return .mappings }
        if ProvisionedConcurrencyReader.recognises(keys) { return .provisionedConcurrency }
        // A mapping never holds these; a function's configuration always holds some.
        let functionKeys: Set<String> = ["Configuration", "MemorySize", "Runtime", "Handler", "CodeSize", "CodeSha256", "PackageType", "Timeout", "Architectures"]
        if !keys.isDisjoint(with: functionKeys) || keys == ["ReservedConcurrentExecutions"] { return .function }
        if !keys.isDisjoint(with: MappingField.names(in: .api)) { return .mappings }
        return nil
    }

    static func problem(_ path: String, _ line: Int, _ column: Int, _ message: String) -> DiagnosticError {
        DiagnosticError(problems: [Diagnostic(file: path, line: line, column: column, path: "", message: message)])
    }
}
