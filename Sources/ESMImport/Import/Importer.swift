import ESMFormats
import Foundation
import ESMScenarios

/// `esmsim import`'s work: reads every input file, pairs each Kafka mapping with the
/// function it invokes, and writes one scenario per mapping (or the one chosen).
public enum Importer {
    /// Which mapping to import when the input holds several.
    public struct Selection: Sendable {
        /// A mapping's `UUID`.
        public var uuid: String?
        /// A template's logical ID (a SAM event as `Function.Event` or its event name), or a
        /// Terraform address or resource name.
        public var logicalID: String?

        public init(uuid: String? = nil, logicalID: String? = nil) {
            self.uuid = uuid
            self.logicalID = logicalID
        }
    }

    /// What an import produced: the scenarios, and notes on inputs that gave none.
    public struct Outcome: Sendable {
        public var scenarios: [ImportedScenario]
        public var notes: [String]
    }

    /// Reads `paths` and writes the scenarios; every problem in every file is reported at once.
    public static func run(paths: [String], options: ImportOptions, selection: Selection) throws(DiagnosticError) -> Outcome {
        try run(inputs: paths.map { ($0, nil) }, options: options, selection: selection)
    }

    /// Imports texts already in memory, each named by its file name in messages.
    static func run(texts: [(file: String, text: String)], options: ImportOptions, selection: Selection) throws(DiagnosticError) -> Outcome {
        try run(inputs: texts.map { ($0.file, $0.text) }, options: options, selection: selection)
    }

    /// Each input is a file to read, or (with its text) one already read.
    private static func run(inputs: [(path: String, text: String?)], options: ImportOptions, selection: Selection) throws(DiagnosticError) -> Outcome {
        let paths = inputs.map(\.path)
        var problems: [Diagnostic] = []
        var mappings: [ImportedMapping] = []
        var functions: [ImportedFunction] = []
        var provisioned: [ImportedProvisionedConcurrency] = []
        for input in inputs {
            let document: ImportDocument
            do {
                if let text = input.text {
                    document = try ImportDocument.make(text: text, path: input.path)
                } else {
                    document = try ImportDocument.read(path: input.path)
                }
            } catch {
                problems += error.problems
                continue
            }
            let reader = ImportReader(file: document.path, textScalars: document.content == .template)
            switch document.content {
            case .mappings: mappings += AWSCLIReader.mappings(document.root, reader: reader)
            case .function: functions.append(AWSCLIReader.function(document.root, reader: reader))
            case .provisionedConcurrency: provisioned += ProvisionedConcurrencyReader.cli(document.root, reader: reader)
            case .template: mappings += TemplateReader.mappings(document.root, reader: reader, provisioned: &provisioned)
            case .terraform: mappings += TerraformReader.mappings(document.root, reader: reader, provisioned: &provisioned)
            }
            problems += inFileOrder(reader.problems)
        }
        guard problems.isEmpty else { throw DiagnosticError(problems: problems) }
        var notes: [String] = []
        let kafka = mappings.filter { mapping in
            guard let reason = mapping.notKafka else { return true }
            notes.append("\(mapping.file): skipped \(mapping.identifier): \(reason)")
            return false
        }
        guard !kafka.isEmpty else {
            let reasons = mappings.compactMap { mapping in mapping.notKafka.map { Diagnostic(file: mapping.file, line: mapping.line, column: mapping.column, path: mapping.identifier, message: $0) } }
            throw DiagnosticError(problems: reasons.isEmpty
                ? [Diagnostic(file: paths.first ?? "", line: 0, column: 0, path: "", message: "no Kafka event source mapping in the input; give \(ImportDocument.formats)")]
                : reasons)
        }
        let chosen = try select(kafka, selection)
        let traffic = try options.traffic?.schedule(recordSizeBytes: options.recordSizeBytes)
        var scenarios: [ImportedScenario] = []
        var usedNames: Set<String> = []
        for var mapping in chosen {
            mapping.name = uniqueName(fileName(mapping.name), &usedNames)
            let (function, note) = pairFunction(mapping, functions: functions, mappingCount: chosen.count)
            pairProvisionedConcurrency(&mapping, configurations: provisioned)
            var builder = ScenarioBuilder(mapping: mapping, function: function, functionNote: note, options: options, traffic: traffic)
            let scenario = builder.build()
            problems += builder.problems
            // A contradiction the builder placed in the input is not repeated from the scenario written.
            if builder.problems.isEmpty {
                do {
                    _ = try ScenarioLoader.parse(scenario.text, file: "\(scenario.name).json", defaultName: scenario.name)
                } catch {
                    // The options or the input gave a value the scenario format refuses.
                    problems += error.problems
                }
            }
            scenarios.append(scenario)
        }
        guard problems.isEmpty else { throw DiagnosticError(problems: problems) }
        return Outcome(scenarios: scenarios, notes: notes)
    }

    static func inFileOrder(_ problems: [Diagnostic]) -> [Diagnostic] {
        problems.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
    }

    /// The mappings `selection` names (all when it names none); an error lists the choices.
    static func select(_ mappings: [ImportedMapping], _ selection: Selection) throws(DiagnosticError) -> [ImportedMapping] {
        var chosen = mappings
        if let uuid = selection.uuid {
            chosen = chosen.filter { $0.identifier == uuid }
        }
        if let id = selection.logicalID {
            chosen = chosen.filter { $0.identifier == id || $0.name == id || $0.identifier.hasSuffix(".\(id)") }
        }
        guard chosen.isEmpty else { return chosen }
        let option = selection.uuid != nil ? "--uuid \(selection.uuid!)" : "--logical-id \(selection.logicalID!)"
        let available = mappings.map(\.identifier).joined(separator: ", ")
        throw DiagnosticError(problems: [Diagnostic(file: mappings[0].file, line: 0, column: 0, path: "",
                                                       message: "\(option) names no Kafka mapping in the input; it holds \(available)")])
    }

    /// The function a mapping invokes: a function file whose name matches (over one the
    /// same file declares), the only function file when there is one mapping, or none.
    static func pairFunction(_ mapping: ImportedMapping, functions: [ImportedFunction], mappingCount: Int) -> (ImportedFunction?, String?) {
        let wanted = mapping.functionReference.map(ImportedFunction.bareName)
        if let match = functions.first(where: { $0.name.map(ImportedFunction.bareName) == wanted && wanted != nil }) {
            return (mapping.function.map { match.filling(from: $0) } ?? match, nil)
        }
        let unnamed = functions.filter { $0.name == nil }
        if functions.count == 1 && (mappingCount == 1 || functions[0].name == nil) {
            let only = functions[0]
            let note = only.name == nil || wanted == nil ? nil
                : "the function file is for \(ImportedFunction.bareName(only.name!)), the mapping invokes \(wanted!): used anyway, as the only function file"
            return (mapping.function.map { only.filling(from: $0) } ?? only, note)
        }
        if let concurrency = unnamed.first {
            return (mapping.function.map { concurrency.filling(from: $0) } ?? concurrency, nil)
        }
        if mapping.function == nil && !functions.isEmpty {
            return (nil, "no function file is for \(wanted ?? "this mapping's function"): AWS's defaults are used")
        }
        return (mapping.function, nil)
    }

    /// A name safe as a file name: letters, digits, `.`, `_` and `-`.
    static func fileName(_ name: String) -> String {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "-" })
        let trimmed = safe.trimmingCharacters(in: ["-", "."])
        return trimmed.isEmpty ? "esm" : trimmed
    }

    /// `name`, or `name-2`, `name-3`... when taken.
    static func uniqueName(_ name: String, _ used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(name)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
