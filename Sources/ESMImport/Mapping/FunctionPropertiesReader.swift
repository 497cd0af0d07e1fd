import ESMFormats
import ESMScenarios

/// Reads the function settings the model uses (memory, timeout, architecture, reserved
/// concurrency) from an object that names them AWS's way (`MemorySize`) or Terraform's
/// (`memory_size`), with the Lambda API's ranges. Other fields are left alone: a
/// function's configuration has dozens that do not matter here.
struct FunctionPropertiesReader {
    let reader: ImportReader
    let terraform: Bool
    /// The template's parameters; nil outside templates.
    let template: TemplateContext?

    private var memoryKey: String { terraform ? "memory_size" : "MemorySize" }
    private var timeoutKey: String { terraform ? "timeout" : "Timeout" }
    private var architecturesKey: String { terraform ? "architectures" : "Architectures" }
    private var reservedKey: String { terraform ? "reserved_concurrent_executions" : "ReservedConcurrentExecutions" }

    /// Reads `object`'s settings into `function`, keeping any it does not hold.
    func read(_ object: JSONValue, path: String, into function: inout ImportedFunction) {
        if let memory = value(object, memoryKey, path, &function),
           let size = reader.number(memory, ImportReader.join(path, memoryKey), range: 128...10_240, whole: true) {
            function.memoryMB = Int(size)
        }
        if let timeout = value(object, timeoutKey, path, &function),
           let seconds = reader.number(timeout, ImportReader.join(path, timeoutKey), range: 1...900, whole: true) {
            function.timeoutSeconds = seconds
        }
        if let architectures = value(object, architecturesKey, path, &function) {
            let architecturesPath = ImportReader.join(path, architecturesKey)
            if let names = reader.strings(architectures, architecturesPath) {
                if names.count != 1 {
                    reader.report(architectures, architecturesPath, "expected one architecture (x86_64 or arm64), found \(names.count)")
                } else if case .array(let elements) = architectures.kind,
                          let name = reader.choice(elements[0], "\(architecturesPath)[0]", ["x86_64", "arm64"]) {
                    function.architecture = name
                }
            }
        }
        if let reserved = value(object, reservedKey, path, &function) {
            // Terraform writes -1 for "nothing reserved"; the API leaves the field out.
            let lowest: Double = terraform ? -1 : 0
            if let count = reader.number(reserved, ImportReader.join(path, reservedKey), range: lowest...1_000_000, whole: true), count >= 0 {
                function.reservedConcurrency = Int(count)
            }
        }
    }

    /// The field's value when present and resolved; an intrinsic function is recorded as unresolved.
    private func value(_ object: JSONValue, _ key: String, _ path: String, _ function: inout ImportedFunction) -> JSONValue? {
        guard var value = object[key], value.kind != .null else { return nil }
        if let template {
            guard let resolved = template.resolve(value) else { return nil }
            value = resolved
        }
        if let call = Intrinsic.describe(value) {
            function.unresolved.append("\(ImportReader.join(path, key)) = \(call) (the default is used)")
            return nil
        }
        return value
    }
}
