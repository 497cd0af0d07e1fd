import ESMStudies
import ESMScenarios

/// `esmsim fidelity`: published figures next to simulated ones.
enum FidelityCommand {
    static let defaultObservations = "Scenarios/published-figures.csv"
    static let usage = """
    USAGE: esmsim fidelity [--observations FILE.csv]

    Runs every scenario named in the observation file (default: \(defaultObservations))
    with its profile and prints a table of published versus simulated figures. Exits 1
    if any figure is outside its tolerance.
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: [], usage: usage) else { return .success }
        let path = arguments.value("observations") ?? defaultObservations
        try arguments.rejectUnknown(command: "fidelity")
        do {
            let residuals = try FidelityReport.residuals(for: try ObservationFile.load(path: path))
            Console.out(FidelityReport.table(residuals))
            return residuals.allSatisfy(\.withinTolerance) ? .success : .failure
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }
}
