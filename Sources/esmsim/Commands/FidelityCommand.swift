import ESMStudies
import ESMScenarios

/// `esmsim fidelity`: published figures next to simulated ones.
enum FidelityCommand {
    static let defaultObservations = "Scenarios/published-figures.csv"
    static let defaultSizing = "Scenarios/sizing-examples.csv"
    static let usage = """
    USAGE: esmsim fidelity [--observations FILE.csv] [--sizing FILE.csv]

    Runs every scenario named in the observation file (default: \(defaultObservations))
    with its profile and prints a table of published versus simulated figures; then
    runs AWS's documented sizing examples (default: \(defaultSizing)) and prints AWS's
    arithmetic next to the model's figure and their ratio. Exits 1 if any figure is
    outside its tolerance or the model delivers more than AWS's arithmetic allows.
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: [], usage: usage) else { return .success }
        let path = arguments.value("observations") ?? defaultObservations
        let sizingPath = arguments.value("sizing") ?? defaultSizing
        try arguments.rejectUnknown(command: "fidelity")
        do {
            let residuals = try FidelityReport.residuals(for: try ObservationFile.load(path: path))
            Console.out(FidelityReport.table(residuals))
            let sizing = try SizingReport.rows(for: try SizingExample.load(path: sizingPath))
            Console.out("\nAWS's documented sizing arithmetic (no per-batch overhead) next to the model:\n")
            Console.out(SizingReport.table(sizing))
            return residuals.allSatisfy(\.withinTolerance) && sizing.allSatisfy(\.holds) ? .success : .failure
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }
}
