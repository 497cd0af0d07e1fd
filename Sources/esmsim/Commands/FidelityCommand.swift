import ESMStudies
import ESMFormats
import ESMScenarios

/// `esmsim fidelity`: published figures next to simulated ones.
enum FidelityCommand: CommandLineCommand {
    static let defaultObservations = "Scenarios/published-figures.csv"
    static let defaultSizing = "Scenarios/sizing-examples.csv"
    static let definition = CommandDefinition(
        name: "fidelity", operands: "",
        summary: "published figures next to simulated ones",
        about: """
        Runs every scenario named in the observation file (default: \(defaultObservations))
        with its profile and prints a table of published versus simulated figures; then
        runs AWS's documented sizing examples (default: \(defaultSizing)) and prints AWS's
        arithmetic next to the model's figure and their ratio. Exits 1 if any figure is
        outside its tolerance or the model delivers more than AWS's arithmetic allows.
        """,
        options: [
            OptionDefinition("observations", .text("FILE.csv"), "published figures", default: defaultObservations),
            OptionDefinition("sizing", .text("FILE.csv"), "AWS's sizing examples", default: defaultSizing),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let path = arguments.value("observations") ?? defaultObservations
        let sizingPath = arguments.value("sizing") ?? defaultSizing
        guard arguments.positional.isEmpty else { throw UsageError("esmsim fidelity takes no files; name them with --observations and --sizing") }
        do {
            // Both files are read before anything runs, so a mistake in either costs no wait.
            let observations = try ObservationFile.load(path: path)
            let examples = try SizingExample.load(path: sizingPath)
            let residuals = try FidelityReport.residuals(for: observations)
            Console.out(FidelityReport.table(residuals))
            let sizing = try SizingReport.rows(for: examples)
            Console.out("\nAWS's documented sizing arithmetic (no per-batch overhead) next to the model:\n")
            Console.out(SizingReport.table(sizing))
            return residuals.allSatisfy(\.withinTolerance) && sizing.allSatisfy(\.holds) ? .success : .failure
        } catch let error as DiagnosticError {
            Console.error(error.description)
            return .usage
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }
}
