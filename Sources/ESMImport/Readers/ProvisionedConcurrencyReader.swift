import ESMFormats
import ESMScenarios

/// Reads provisioned concurrency configurations: what the AWS CLI prints for
/// `aws lambda get-provisioned-concurrency-config` (one configuration, which names neither
/// function nor qualifier) and `list-provisioned-concurrency-configs`
/// (`{"ProvisionedConcurrencyConfigs": [...], "NextMarker": ...}`, each with its
/// `FunctionArn`), and the count every format writes, with the API's range.
enum ProvisionedConcurrencyReader {
    /// The fields of one configuration as the CLI prints it (API ProvisionedConcurrencyConfigListItem).
    static let cliFields: Set<String> = [
        "FunctionArn", "RequestedProvisionedConcurrentExecutions", "AvailableProvisionedConcurrentExecutions",
        "AllocatedProvisionedConcurrentExecutions", "Status", "StatusReason", "LastModified",
    ]

    /// Whether an object with `keys` is a CLI provisioned concurrency output.
    static func recognises(_ keys: Set<String>) -> Bool {
        keys.contains("ProvisionedConcurrencyConfigs")
            || (keys.contains("RequestedProvisionedConcurrentExecutions") && keys.isSubset(of: cliFields))
    }

    /// The configurations of a `get-provisioned-concurrency-config` or
    /// `list-provisioned-concurrency-configs` output.
    static func cli(_ root: JSONValue, reader: ImportReader) -> [ImportedProvisionedConcurrency] {
        guard let list = root["ProvisionedConcurrencyConfigs"] else {
            return configuration(root, path: "", command: "aws lambda get-provisioned-concurrency-config", reader: reader).map { [$0] } ?? []
        }
        guard let members = reader.members(root, ""), let elements = reader.elements(list, "ProvisionedConcurrencyConfigs") else { return [] }
        var pageNote: String?
        for member in members where member.key != "ProvisionedConcurrencyConfigs" && member.key != "NextMarker" {
            reader.report(member.value, member.key, "unknown field; list-provisioned-concurrency-configs prints ProvisionedConcurrencyConfigs and NextMarker")
        }
        if let marker = root["NextMarker"], !ImportReader.isAbsent(marker) {
            pageNote = "the list has more pages (NextMarker): only this page was read"
        }
        return elements.enumerated().compactMap { offset, element in
            var read = configuration(element, path: "ProvisionedConcurrencyConfigs[\(offset)]", command: "aws lambda list-provisioned-concurrency-configs", reader: reader)
            if let pageNote { read?.notes.append(pageNote) }
            return read
        }
    }

    /// One configuration; in a list it must name its `FunctionArn`.
    static func configuration(_ value: JSONValue, path: String, command: String, reader: ImportReader) -> ImportedProvisionedConcurrency? {
        guard let members = reader.members(value, path) else { return nil }
        for member in members where !cliFields.contains(member.key) {
            reader.report(member.value, ImportReader.join(path, member.key), "unknown field; \(command) prints \(cliFields.sorted().joined(separator: ", "))")
        }
        let inList = !path.isEmpty
        var target: FunctionTarget?
        if let arn = value["FunctionArn"], !ImportReader.isAbsent(arn) {
            if let text = reader.string(arn, ImportReader.join(path, "FunctionArn")) {
                target = FunctionTarget(reference: text)
                checkQualifier(text.split(separator: ":").last.map(String.init) ?? "", at: arn, ImportReader.join(path, "FunctionArn"), reader: reader)
            }
        } else if inList {
            reader.report(value, ImportReader.join(path, "FunctionArn"), "missing; each configuration names the version or alias it is on")
        }
        let key = "RequestedProvisionedConcurrentExecutions"
        guard let requested = value[key] else {
            reader.report(value, ImportReader.join(path, key), "missing; \(command) prints the configured count as \(key)")
            return nil
        }
        guard let executions = executions(requested, ImportReader.join(path, key), reader: reader) else { return nil }
        var read = ImportedProvisionedConcurrency(
            target: target, executions: executions, source: "\(command) in \(reader.file)", value: requested,
            file: reader.file, path: ImportReader.join(path, key))
        if case .string(let status)? = value["Status"]?.kind, status != "READY" {
            var allocated = ""
            if case .number(let count)? = value["AllocatedProvisionedConcurrentExecutions"]?.kind {
                allocated = ", \(ImportReader.format(count)) of \(executions) allocated"
            }
            read.notes.append("the configuration's Status is \(status)\(allocated): simulated as configured, all \(executions) ready")
        }
        return read
    }

    /// A `ProvisionedConcurrentExecutions` count: a whole number from 1 (API
    /// PutProvisionedConcurrencyConfig); a problem at `value` otherwise.
    static func executions(_ value: JSONValue, _ path: String, reader: ImportReader) -> Int? {
        reader.number(value, path, range: FieldRanges.provisionedConcurrentExecutions, whole: true).map { Int($0) }
    }

    /// A configuration's qualifier as a file writes it: `$LATEST` cannot have provisioned
    /// concurrency (API PutProvisionedConcurrencyConfig), so it is a problem.
    static func checkQualifier(_ written: String, at value: JSONValue, _ path: String, reader: ImportReader) {
        if written == "$LATEST" {
            reader.report(value, path, "provisioned concurrency cannot be configured on $LATEST; it belongs to a published version or an alias")
        }
    }
}
