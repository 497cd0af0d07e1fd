import ESMStudies
import ESMFormats
import ESMModel
import ESMScenarios
import Foundation

/// `esmsim check`: guards drain times and costs in CI against a committed baseline.
enum CheckCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "check", operands: "[FILE...]",
        summary: "compare drain times and costs with the committed baseline (CI)",
        about: """
        Runs the scenarios (default: every .json file directly in Scenarios/, sorted) and
        compares drain time, time to maximum concurrency, peak offset lag and total cost with
        the baseline. Prints a table (scenario, metric, baseline, now, change, result) and exits
        1 when a metric moved by more than the tolerance either way, a scenario is not in the
        baseline, or a baseline row's scenario file is gone; 0 otherwise.
        """,
        options: [
            OptionDefinition("baseline", .text("FILE"), "the baseline", default: "Results/baseline.csv"),
            OptionDefinition("tolerance", .number("PCT", unit: "percent", range: 0...Double.greatestFiniteMagnitude, positive: false),
                             "allowed change in percent of the baseline value", default: CSVFormat.decimal(RegressionCheck.defaultTolerancePercent, places: 3)),
            OptionDefinition("update", .flag, "rewrite the baseline from these runs instead of checking (with FILEs,\nonly their rows change); nothing else writes the baseline"),
        ] + SharedOptions.prices)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let baselinePath = try OutputPath.file(arguments.value("baseline"), option: "baseline") ?? "Results/baseline.csv"
        let tolerance = try arguments.number("tolerance") ?? RegressionCheck.defaultTolerancePercent
        let update = arguments.flag("update")
        let pricing = try PriceOptions(arguments).pricing
        let defaultSet = arguments.positional.isEmpty
        let files = defaultSet ? try scenarioFiles(in: "Scenarios") : arguments.positional

        var runs: [(scenario: Scenario, profile: BehaviourProfile, file: String)] = []
        var names: [String] = []
        for path in files {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                runs.append((scenario, try ScenarioRunner.profile(for: scenario, options: .init()), path))
                names.append(stem(path))
            } catch {
                Console.error(error.description)
                return .usage
            }
        }
        if let repeated = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) }) {
            throw UsageError("two scenario files are called \(repeated.element); the baseline names scenarios by file name")
        }
        let records: [SummaryRecord]
        do {
            records = try ScenarioRunner.records(runs, options: .init(), pricing: pricing)
        } catch {
            return Console.failure(error)
        }
        let current = Array(zip(names, records)).map { (scenario: $0.0, record: $0.1) }

        if update {
            let existing = (try? Baseline.read(path: baselinePath)) ?? Baseline(rows: [])
            let baseline = existing.updated(with: current, replacingAll: defaultSet)
            do throws(AtomicFile.WriteError) {
                try AtomicFile.write(baseline.csv, to: baselinePath)
            } catch {
                Console.error("esmsim: \(error.description)")
                return .failure
            }
            Console.out("wrote \(baselinePath): \(baseline.rows.count) scenarios, \(current.count) from these runs")
            return .success
        }
        let baseline: Baseline
        do {
            baseline = try Baseline.read(path: baselinePath)
        } catch {
            Console.error(error.description)
            return .usage
        }
        let folders = Array(Set(files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })).sorted()
        let check = RegressionCheck(current: current, baseline: baseline, tolerancePercent: tolerance) { name in
            folders.contains { FileManager.default.fileExists(atPath: $0 + "/" + name + ".json") }
        }
        Console.out(check.report(baselinePath: baselinePath))
        return check.passed ? .success : .failure
    }

    /// The `.json` files directly in `folder`, sorted by name.
    static func scenarioFiles(in folder: String) throws(UsageError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw UsageError("cannot list \(folder)/; run esmsim check from the repository's root or name the scenario files")
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        guard !files.isEmpty else { throw UsageError("no .json scenario files in \(folder)/") }
        return files
    }

    /// A file's name without folder and extension.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
