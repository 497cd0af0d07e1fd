import ESMStudies
import ESMScenarios
import ESMModel

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

        With --profile, runs only the figures that apply to that profile (those naming it,
        the profile it is an alternative to, or none) and the sizing examples, all against
        it, and labels each figure in-sample: calibrate fits a profile to every figure that
        applies to it, so those rows confirm its fit; the sizing examples are never fitted.
        """,
        options: [
            OptionDefinition("profile", .text("NAME|FILE"), "run every figure against this profile"),
            OptionDefinition("observations", .text("FILE.csv"), "published figures", default: defaultObservations),
            OptionDefinition("sizing", .text("FILE.csv"), "AWS's sizing examples", default: defaultSizing),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let path = arguments.value("observations") ?? defaultObservations
        let sizingPath = arguments.value("sizing") ?? defaultSizing
        guard arguments.positional.isEmpty else { throw UsageError("esmsim fidelity takes no files; name them with --observations and --sizing") }
        do {
            let observations = try ObservationFile.load(path: path)
            let profile = try arguments.value("profile").map(ProfileStore.load)
            if let profile {
                let names = profile.observationNames
                Console.out("Figures for \(names.joined(separator: " and ")) against \(profile.name) (in-sample: the figures calibrate fits \(profile.name) to):\n")
                let residuals = try FidelityReport.residuals(for: observations, profile: profile)
                Console.out(FidelityReport.table(residuals, sample: { $0.profile.map(names.contains) ?? true }))
                return finish(residuals, sizingPath: sizingPath, profile: profile)
            }
            let residuals = try FidelityReport.residuals(for: observations)
            Console.out(FidelityReport.table(residuals))
            return finish(residuals, sizingPath: sizingPath, profile: nil)
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }

    /// Prints the sizing table (out of sample: never fitted); the exit code of the whole check.
    private static func finish(_ residuals: [Calibrator.Residual], sizingPath: String, profile: BehaviourProfile?) -> ExitCode {
        do {
            let sizing = try SizingReport.rows(for: try SizingExample.load(path: sizingPath), profile: profile)
            Console.out("\nAWS's documented sizing arithmetic (no per-batch overhead) next to the model:\n")
            Console.out(SizingReport.table(sizing))
            return residuals.allSatisfy(\.withinTolerance) && sizing.allSatisfy(\.holds) ? .success : .failure
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }
}
