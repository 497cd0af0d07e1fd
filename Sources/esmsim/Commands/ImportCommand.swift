import ESMFormats
import ESMImport
import ESMModel
import ESMScenarios
import Foundation

/// `esmsim import`: writes scenarios from the files users already have.
enum ImportCommand {
    static let usage = """
    USAGE: esmsim import FILE... [options]

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

    OPTIONS:
      --out FILE|FOLDER|-       where to write (default: NAME.json in the current folder;
                                a folder for several scenarios; - prints one to stdout)
      --force                   replace files that exist
      --uuid UUID               import only the mapping with this UUID
      --logical-id ID           import only this template resource (or SAM Function.Event,
                                or Terraform address)
      --partitions N            topic.partitions (default: 1, Kafka's num.partitions)
      --record-size BYTES       topic.recordSizeBytes (default: 1024)
      --backlog-records N       topic.backlogRecords, records waiting at the start
      --records-per-second R    producer.recordsPerSecond (default, with no backlog
                                either: 1000 for 3600 s)
      --duration-seconds S      producer.durationSeconds (default: 3600)
      --duration-ms MS          function.durationMs, up to 840000 (default: 100)
      --memory MB               function.memoryMB, 128...10240 (default: MemorySize, else 128)
      --architecture ARCH       x86_64 or arm64 (default: Architectures, else x86_64)
      --reserved-concurrency N  function.reservedConcurrency (default: the function's)
      --account-concurrency N   function.accountConcurrency (default: 1000)
      --profile NAME|FILE       the scenario's behaviour profile
      -h, --help                show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: ["force"], usage: usage) else { return .success }
        var options = ImportOptions()
        options.partitions = try arguments.integer("partitions", in: 1...1_000_000).map(Int.init)
        options.recordSizeBytes = try OptionRange.check(try arguments.positiveNumber("record-size"), "record-size", FieldRanges.recordSizeBytes)
        if let size = options.recordSizeBytes, size > 6_291_456 { throw UsageError("--record-size must be at most 6291456 (6 MB), not \(size)") }
        options.backlogRecords = try arguments.integer("backlog-records", in: 0...1_000_000_000_000_000)
        options.recordsPerSecond = try OptionRange.check(try arguments.positiveNumber("records-per-second"), "records-per-second", FieldRanges.recordsPerSecond)
        options.durationSeconds = try arguments.positiveNumber("duration-seconds")
        if options.durationSeconds != nil && options.recordsPerSecond == nil {
            throw UsageError("--duration-seconds needs --records-per-second")
        }
        options.durationMs = try OptionRange.check(try arguments.positiveNumber("duration-ms"), "duration-ms", FieldRanges.durationMs)
        options.memoryMB = try arguments.integer("memory", in: 128...10_240).map(Int.init)
        options.architecture = arguments.value("architecture")
        if let architecture = options.architecture, FunctionSpec.Architecture(rawValue: architecture) == nil {
            throw UsageError("--architecture must be x86_64 or arm64, not \"\(architecture)\"")
        }
        options.reservedConcurrency = try arguments.integer("reserved-concurrency", in: 0...1_000_000).map(Int.init)
        options.accountConcurrency = try arguments.integer("account-concurrency", in: 1...1_000_000).map(Int.init)
        options.profile = arguments.value("profile")
        let selection = Importer.Selection(uuid: arguments.value("uuid"), logicalID: arguments.value("logical-id"))
        let out = arguments.value("out")
        let force = arguments.flag("force")
        try arguments.rejectUnknown(command: "import")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim import needs at least one file\n\n\(usage)") }

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

    /// Each scenario's file, or nil for stdout.
    static func targets(for scenarios: [ImportedScenario], out: String?) throws(UsageError) -> [String?] {
        if out == "-" {
            guard scenarios.count == 1 else {
                let names = scenarios.map(\.mapping.identifier).joined(separator: ", ")
                throw UsageError("--out - prints one scenario, and the input holds \(scenarios.count) (\(names)): choose one with --uuid or --logical-id, or give --out FOLDER")
            }
            return [nil]
        }
        var isFolder: ObjCBool = false
        let exists = out.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) } ?? false
        if let out, scenarios.count == 1, !out.hasSuffix("/"), !(exists && isFolder.boolValue) { return [out] }
        if let out, scenarios.count > 1, exists, !isFolder.boolValue {
            throw UsageError("--out \(out) is a file, and the input holds \(scenarios.count) mappings: give a folder, or choose one with --uuid or --logical-id")
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
        } catch let error as DiagnosticError {
            Console.error(error.description)
        } catch {
            Console.error("\(file): profile: \(error)")
        }
        return false
    }
}
