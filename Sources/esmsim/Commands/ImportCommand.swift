import ESMFormats
import ESMImport
import ESMModel
import ESMScenarios
import Foundation

/// `esmsim import`: writes scenarios from the files users already have.
enum ImportCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "import", operands: "FILE...",
        summary: "write scenarios from AWS CLI JSON, CloudFormation/SAM templates or terraform show -json",
        about: """
        Writes a scenario from an event source mapping as AWS tools print or declare it,
        keeping AWS's names. Each FILE is recognised by its content:
          - aws lambda get-event-source-mapping or list-event-source-mappings JSON
            (several mappings give one scenario each; --uuid chooses one);
          - aws lambda get-function-configuration, get-function or get-function-concurrency
            JSON: MemorySize, Architectures, Timeout, reserved concurrency of the function the
            mapping invokes (matched by name);
          - a CloudFormation or SAM template, JSON or YAML: AWS::Lambda::EventSourceMapping
            resources and SAM MSK / SelfManagedKafka events, with their functions' settings
            (several give one scenario each, named by logical ID; --logical-id chooses one);
          - terraform show -json: aws_lambda_event_source_mapping and aws_lambda_function.
        What the files do not hold comes from the options or documented defaults, and the
        report on stderr says which: read, assumed, unresolved (intrinsic functions, kept by
        name) and ignored (fields the model does not use). The scenario is checked as
        `esmsim validate` checks it before anything is written.
        Settings the options give are spelt as in scenario files.
        """,
        options: [
            OptionDefinition("out", .text("DIR|-"), "output folder for NAME.json, one per scenario; - prints one scenario\nto stdout", default: "the current folder"),
            OptionDefinition("force", .flag, "replace files that exist"),
            OptionDefinition("uuid", .text("UUID"), "import only the mapping with this UUID"),
            OptionDefinition("logical-id", .text("ID"), "import only this template resource (or SAM Function.Event,\nor Terraform address)"),
            OptionDefinition("partitions", .whole("N", unit: "partitions", range: 1...1_000_000), "topic.partitions", default: "1, Kafka's num.partitions"),
            OptionDefinition("recordSizeBytes", .number("BYTES", unit: "bytes", range: FieldRanges.recordSizeBytes, positive: true), "topic.recordSizeBytes, at most 6291456 (6 MB)", default: "1024", deprecated: ["record-size"]),
            OptionDefinition("backlogRecords", .whole("N", unit: "records", range: 0...1_000_000_000_000_000), "topic.backlogRecords, records waiting at the start", deprecated: ["backlog-records"]),
            OptionDefinition("recordsPerSecond", .number("R", unit: "records per second", range: FieldRanges.recordsPerSecond, positive: true), "producer.recordsPerSecond", default: "with no backlog either, 1000 for 3600 s", deprecated: ["records-per-second"]),
            .positive("durationSeconds", "S", unit: "seconds", "producer.durationSeconds", default: "3600", deprecated: ["duration-seconds"]),
            OptionDefinition("traffic", .text("FILE[#ID,...]"), "the producer from observed traffic: aws cloudwatch get-metric-data JSON\n(results summed, e.g. MSK's per-broker MessagesInPerSec; #Id chooses\nresults) or timestamp,value CSV (ISO 8601 or epoch seconds). Each point\nbecomes a piece of producer.schedule at its rate, the first point's time\nbecomes startTime, and horizonSeconds covers the traffic plus an hour.\nNewest-first is fine; duplicates, mixed order and negative values are errors"),
            OptionDefinition("traffic-unit", .text("UNIT"), "records/s, bytes/s (BytesInPerSec; needs --recordSizeBytes), or records /\nbytes counted over each period", default: "records/s"),
            OptionDefinition("traffic-gaps", .text("HOW"), "a missing traffic point is an error, zero, or hold (repeats the point before)", default: "error"),
            OptionDefinition("power-tuning", .text("FILE"), "function.durationByMemory from AWS Lambda Power Tuning's output JSON\n(results.stats) or a memoryMB,durationMs CSV, so plan can trade memory\nagainst duration"),
            OptionDefinition("durationMs", .number("MS", unit: "milliseconds", range: FieldRanges.durationMs, positive: true), "function.durationMs, at most 840000 (the 14-minute timeout of a Kafka\nESM's function)", default: "100", deprecated: ["duration-ms"]),
            OptionDefinition("memoryMB", .whole("MB", unit: "MB", range: 128...10_240), "function.memoryMB, 128...10240", default: "MemorySize, else 128", deprecated: ["memory"]),
            OptionDefinition("architecture", .text("ARCH"), "function.architecture, x86_64 or arm64", default: "Architectures, else x86_64"),
            OptionDefinition("reservedConcurrency", .whole("N", unit: "executions", range: 0...1_000_000), "function.reservedConcurrency", default: "the function's", deprecated: ["reserved-concurrency"]),
            OptionDefinition("accountConcurrency", .whole("N", unit: "executions", range: 1...1_000_000), "function.accountConcurrency", default: "1000", deprecated: ["account-concurrency"]),
            OptionDefinition("profile", .text("NAME|FILE"), "the scenario's behaviour profile"),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        var options = ImportOptions()
        options.partitions = try arguments.integer("partitions").map(Int.init)
        options.recordSizeBytes = try arguments.number("recordSizeBytes")
        options.backlogRecords = try arguments.integer("backlogRecords")
        options.recordsPerSecond = try arguments.number("recordsPerSecond")
        options.durationSeconds = try arguments.number("durationSeconds")
        if options.durationSeconds != nil && options.recordsPerSecond == nil {
            throw UsageError("--durationSeconds needs --recordsPerSecond")
        }
        options.durationMs = try arguments.number("durationMs")
        options.memoryMB = try arguments.integer("memoryMB").map(Int.init)
        options.architecture = arguments.value("architecture")
        if let architecture = options.architecture, FunctionSpec.Architecture(rawValue: architecture) == nil {
            throw UsageError("--architecture must be x86_64 or arm64, not \"\(architecture)\"")
        }
        options.reservedConcurrency = try arguments.integer("reservedConcurrency").map(Int.init)
        options.accountConcurrency = try arguments.integer("accountConcurrency").map(Int.init)
        options.profile = arguments.value("profile")
        if let traffic = arguments.value("traffic") {
            if options.recordsPerSecond != nil { throw UsageError("--traffic gives the producer; leave out --recordsPerSecond and --durationSeconds") }
            var request = TrafficImport(reference: traffic)
            if let unit = arguments.value("traffic-unit") {
                guard let known = TrafficUnit(rawValue: unit) else {
                    throw UsageError("--traffic-unit must be one of \(TrafficUnit.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(unit)\"")
                }
                request.unit = known
            }
            if let gaps = arguments.value("traffic-gaps") {
                guard let known = MetricSeries.GapPolicy(rawValue: gaps) else {
                    throw UsageError("--traffic-gaps must be one of \(MetricSeries.GapPolicy.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(gaps)\"")
                }
                request.gaps = known
            }
            options.traffic = request
        } else if arguments.value("traffic-unit") != nil || arguments.value("traffic-gaps") != nil {
            throw UsageError("--traffic-unit and --traffic-gaps describe a --traffic file; give --traffic too")
        }
        if let tuning = arguments.value("power-tuning") {
            if options.durationMs != nil { throw UsageError("--power-tuning gives the function's duration by memory; leave out --durationMs") }
            do {
                options.durationByMemory = try PowerTuningReader.read(path: tuning).entries.map { ($0.memoryMB, $0.durationMs) }
            } catch {
                Console.error(error.description)
                return .usage
            }
        }
        let selection = Importer.Selection(uuid: arguments.value("uuid"), logicalID: arguments.value("logical-id"))
        let out = arguments.value("out")
        let force = arguments.flag("force")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim import needs at least one file (see esmsim help import)") }

        let outcome: Importer.Outcome
        do {
            outcome = try Importer.run(paths: arguments.positional, options: options, selection: selection)
        } catch {
            Console.error(error.description)
            return .usage
        }
        for note in outcome.notes { Console.error(note) }
        let targets = try self.targets(for: outcome.scenarios, out: out)
        var refused = false
        for (scenario, target) in zip(outcome.scenarios, targets) {
            Console.error("\(scenario.mapping.file): \(scenario.mapping.identifier) (\(scenario.mapping.format)) -> \(target ?? "stdout")")
            for line in scenario.report { Console.error(line) }
            if !checkSize(scenario, file: target ?? "\(scenario.name).json") { refused = true }
            if let target, let obstacle = OutputTarget.obstacle(toWriting: target) {
                Console.error("\(target.isEmpty ? "--out" : target): \(obstacle)")
                refused = true
            } else if let target, !force, FileManager.default.fileExists(atPath: target) {
                Console.error("\(target): exists; give --force to replace it")
                refused = true
            }
        }
        if refused { return .usage }
        for (scenario, target) in zip(outcome.scenarios, targets) {
            guard let target else {
                FileHandle.standardOutput.write(Data(scenario.text.utf8))
                continue
            }
            do {
                try AtomicFile.write(scenario.text, to: target)
            } catch {
                Console.error("esmsim: \(error.description)")
                return .failure
            }
            Console.out("wrote \(target)")
        }
        return .success
    }

    /// Each scenario's file (`--out` is a folder, like every command's), or nil for stdout.
    static func targets(for scenarios: [ImportedScenario], out: String?) throws(UsageError) -> [String?] {
        if out == "-" {
            guard scenarios.count == 1 else {
                let names = scenarios.map(\.mapping.identifier).joined(separator: ", ")
                throw UsageError("--out - prints one scenario, and the input holds \(scenarios.count) (\(names)): choose one with --uuid or --logical-id, or give --out DIR")
            }
            return [nil]
        }
        var isFolder: ObjCBool = false
        if let out, out.hasSuffix(".json") || (FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) && !isFolder.boolValue) {
            throw UsageError("--out is the output folder (each scenario is written inside it as NAME.json), not a file: \(out)")
        }
        let folder = out.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "."
        return scenarios.map { folder == "." ? "\($0.name).json" : "\(folder)/\($0.name).json" }
    }

    /// Whether the scenario is small enough to run, as `esmsim validate` checks it.
    static func checkSize(_ scenario: ImportedScenario, file: String) -> Bool {
        do {
            let loaded = try ScenarioLoader.parse(scenario.text, file: file, defaultName: scenario.name)
            let profile = try ProfileStore.load(loaded.profileName ?? Scenario.defaultProfileName)
            try ScenarioRunner.checkSize(of: loaded, profile: profile, options: .init(), file: file)
            return true
        } catch {
            Console.error(error.description)
        }
        return false
    }
}
