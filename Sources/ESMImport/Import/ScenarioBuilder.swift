import ESMFormats
import ESMScenarios

/// Writes a scenario from an imported mapping, the function it invokes and the command
/// line's options: what the input holds keeps AWS's names, what it does not gets the
/// options or documented defaults, and every default used is reported.
struct ScenarioBuilder {
    var mapping: ImportedMapping
    /// The function's settings, and a note on where they came from or why none match.
    let function: ImportedFunction?
    let functionNote: String?
    let options: ImportOptions
    /// Observed traffic, when given: the producer's schedule and the scenario's clock.
    let traffic: TrafficImport.Schedule?

    private(set) var assumed: [String] = []
    private(set) var problems: [Diagnostic] = []

    init(mapping: ImportedMapping, function: ImportedFunction?, functionNote: String?, options: ImportOptions, traffic: TrafficImport.Schedule? = nil) {
        self.mapping = mapping
        self.function = function
        self.functionNote = functionNote
        self.options = options
        self.traffic = traffic
    }

    /// The scenario, or problems when the options contradict the input.
    mutating func build() -> ImportedScenario {
        mapping.dropProvisionedOnlySettings()
        let topic = topicMembers()
        let producer = producerMembers()
        let functionObject = functionMembers()
        var root: [JSONValue.Member] = [
            member("name", .string(mapping.name)),
            member("description", .string(description)),
        ]
        if let profile = options.profile { root.append(member("profile", .string(profile))) }
        if let traffic {
            root.append(member("startTime", .string(ClockTime.iso8601(traffic.startTime))))
            let horizon = max(traffic.spanSeconds + ImportOptions.drainAllowanceSeconds, 86_400)
            root.append(member("horizonSeconds", .number(min(horizon, ScenarioLoader.maximumHorizonSeconds))))
        }
        root.append(member("topic", .object(topic)))
        if !producer.isEmpty { root.append(member("producer", .object(producer))) }
        root.append(member("function", .object(functionObject)))
        root.append(member("eventSourceMapping", .object(mapping.settings)))
        let text = JSONValue(.object(root)).prettyJSON() + "\n"
        return ImportedScenario(mapping: mapping, name: mapping.name, text: text, report: report)
    }

    private func member(_ key: String, _ kind: JSONValue.Kind) -> JSONValue.Member { JSONValue.Member(key: key, value: JSONValue(kind)) }

    private var description: String {
        var text = "Imported by esmsim import from \(mapping.file) (\(mapping.format), \(mapping.identifier))."
        if !assumed.isEmpty {
            text += " Not in the input, so assumed: " + assumed.map { $0.components(separatedBy: " (").first ?? $0 }.joined(separator: "; ") + "."
        }
        return text
    }

    private mutating func topicMembers() -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        let partitions = options.partitions ?? ImportOptions.defaultPartitions
        if options.partitions == nil { assumed.append("topic.partitions \(partitions) (Kafka's num.partitions default; give --partitions)") }
        members.append(member("partitions", .number(Double(partitions))))
        let size = options.recordSizeBytes ?? ImportOptions.defaultRecordSizeBytes
        if options.recordSizeBytes == nil { assumed.append("topic.recordSizeBytes \(ImportReader.format(size)) (give --recordSizeBytes)") }
        members.append(member("recordSizeBytes", .number(size)))
        if let backlog = options.backlogRecords { members.append(member("backlogRecords", .number(Double(backlog)))) }
        return members
    }

    private mutating func producerMembers() -> [JSONValue.Member] {
        if let traffic {
            let pieces = traffic.pieces.map { piece in
                JSONValue(.object([member("startSeconds", .number(piece.startSeconds)), member("durationSeconds", .number(piece.durationSeconds)),
                                   member("recordsPerSecond", .number(piece.recordsPerSecond))]))
            }
            return [member("schedule", .array(pieces))]
        }
        var rate = options.recordsPerSecond
        var duration = options.durationSeconds
        if rate == nil && options.backlogRecords == nil {
            rate = ImportOptions.defaultRecordsPerSecond
            duration = duration ?? ImportOptions.defaultDurationSeconds
            assumed.append("producer \(ImportReader.format(rate!)) records/s for \(ImportReader.format(duration!)) s (give --recordsPerSecond and --durationSeconds, or --backlogRecords)")
        }
        guard let rate else { return [] }
        if duration == nil {
            duration = ImportOptions.defaultDurationSeconds
            assumed.append("producer.durationSeconds \(ImportReader.format(duration!)) (give --durationSeconds)")
        }
        return [member("recordsPerSecond", .number(rate)), member("durationSeconds", .number(duration!))]
    }

    private mutating func functionMembers() -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        let duration = options.durationMs ?? ImportOptions.defaultDurationMs
        if options.durationMs == nil && options.durationByMemory == nil { assumed.append("function.durationMs \(ImportReader.format(duration)) (no input holds a function's duration; give --durationMs)") }
        let longest = options.durationByMemory?.map(\.durationMs).max() ?? duration
        if let timeout = function?.timeoutSeconds, longest > timeout * 1_000 {
            problems.append(Diagnostic(file: mapping.file, line: 0, column: 0, path: options.durationByMemory == nil ? "function.durationMs" : "function.durationByMemory",
                message: "\(ImportReader.format(longest)) ms is longer than the function's Timeout of \(ImportReader.format(timeout)) s (\(function!.source)): every invocation would time out"))
        }
        if let table = options.durationByMemory {
            let rows = table.map { JSONValue(.object([member("memoryMB", .number(Double($0.memoryMB))), member("durationMs", .number($0.durationMs))])) }
            members.append(member("durationByMemory", .array(rows)))
        } else {
            members.append(member("durationMs", .number(duration)))
        }
        let memory = options.memoryMB ?? function?.memoryMB ?? ImportOptions.defaultMemoryMB
        if options.memoryMB == nil && function?.memoryMB == nil { assumed.append("function.memoryMB \(memory) (AWS's default MemorySize; give a function file or --memoryMB)") }
        members.append(member("memoryMB", .number(Double(memory))))
        let architecture = options.architecture ?? function?.architecture ?? "x86_64"
        if options.architecture == nil && function?.architecture == nil { assumed.append("function.architecture x86_64 (AWS's default; give a function file or --architecture)") }
        members.append(member("architecture", .string(architecture)))
        if let reserved = options.reservedConcurrency ?? function?.reservedConcurrency {
            members.append(member("reservedConcurrency", .number(Double(reserved))))
            var account = options.accountConcurrency ?? ImportOptions.defaultAccountConcurrency
            if options.accountConcurrency == nil && reserved + ImportOptions.unreservedMinimum > account {
                // AWS keeps 100 executions unreserved, so this account's limit must be higher.
                account = reserved + ImportOptions.unreservedMinimum
                assumed.append("function.accountConcurrency \(ImportReader.format(Double(account))) (reserved concurrency \(reserved) plus the 100 AWS keeps unreserved; give --accountConcurrency)")
            }
            if account != ImportOptions.defaultAccountConcurrency { members.append(member("accountConcurrency", .number(Double(account)))) }
        } else if let account = options.accountConcurrency {
            members.append(member("accountConcurrency", .number(Double(account))))
        }
        if let provisioned = mapping.provisionedConcurrency, let executions = provisioned.executions {
            if let reserved = options.reservedConcurrency ?? function?.reservedConcurrency, executions > reserved {
                // Reported at the input's count rather than in the scenario written from it.
                problems.append(Diagnostic(file: provisioned.file, line: provisioned.value.line, column: provisioned.value.column, path: provisioned.path,
                    message: "\(executions) is more than the function's reserved concurrency (\(reserved)); provisioned concurrency is part of the reserved concurrency"))
            }
            members.append(member("ProvisionedConcurrentExecutions", .number(Double(executions))))
        }
        return members
    }

    /// The account for the command's report.
    private var report: [String] {
        var lines: [String] = []
        if let traffic { lines.append("  \(traffic.summary)") }
        lines.append("  read: " + (mapping.read.isEmpty ? "nothing the model uses (AWS's defaults apply)" : mapping.read.joined(separator: ", ")))
        if let function {
            var settings: [String] = []
            if let memory = function.memoryMB { settings.append("MemorySize \(memory)") }
            if let timeout = function.timeoutSeconds { settings.append("Timeout \(ImportReader.format(timeout)) s") }
            if let architecture = function.architecture { settings.append("Architectures \(architecture)") }
            if let reserved = function.reservedConcurrency { settings.append("ReservedConcurrentExecutions \(reserved)") }
            lines.append("  function: " + (settings.isEmpty ? "no settings the model uses" : settings.joined(separator: ", ")) + " (\(function.source))")
        }
        if let functionNote { lines.append("  function: \(functionNote)") }
        if let provisioned = mapping.provisionedConcurrency, let executions = provisioned.executions {
            lines.append("  provisioned concurrency: ProvisionedConcurrentExecutions \(executions)\(mapping.target.map { " on \($0.description)" } ?? "") (\(provisioned.source))")
        }
        lines += assumed.map { "  assumed: \($0)" }
        lines += (mapping.unresolved + (function?.unresolved ?? [])).map { "  unresolved: \($0)" }
        var reasons: [String] = []
        var fieldsByReason: [String: [String]] = [:]
        for ignored in mapping.ignored {
            if fieldsByReason[ignored.reason] == nil { reasons.append(ignored.reason) }
            fieldsByReason[ignored.reason, default: []].append(ignored.field)
        }
        lines += reasons.map { "  ignored: \(fieldsByReason[$0]!.joined(separator: ", ")) (\($0))" }
        lines += mapping.notes.map { "  note: \($0)" }
        return lines
    }
}
