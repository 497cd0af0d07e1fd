import ESMFormats
import ESMStudies
import ESMScenarios
import ESMModel

/// `esmsim fidelity`: published figures next to simulated ones.
enum FidelityCommand: CommandLineCommand {
    static let defaultObservations = "Scenarios/published-figures.csv"
    static let defaultSizing = "Scenarios/sizing-examples.csv"
    static let defaultProbes = "Scenarios/ensemble-probes.csv"
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

        With --ensemble, every member of the profile set is held to the observations that
        name no profile or one of the set's members, and the command prints each member's
        residuals and which members stay consistent with them (every figure within its
        tolerance; for a series, its RMS error per point). Give your own ESM's observed series
        with --observations (rows whose metric is OffsetLag, ConcurrentExecutions, ...) to see
        which members your service agrees with. Then it runs each probe of --probes (default:
        \(defaultProbes): questions the published figures leave open) under every member and
        prints them most-disputed first: the range, the member at each end, the spread relative
        to the median, and what to measure on your own ESM to tell the members apart. Exits 1
        if some member is not consistent with the observations.
        """,
        options: [
            OptionDefinition("profile", .text("NAME|FILE"), "run every figure against this profile"),
            OptionDefinition("observations", .text("FILE.csv"), "published figures", default: defaultObservations),
            OptionDefinition("sizing", .text("FILE.csv"), "AWS's sizing examples", default: defaultSizing),
            SharedOptions.ensemble,
            OptionDefinition("probes", .text("FILE.csv"), "with --ensemble: questions to run under every member\n(scenario,metric,question,measure)", default: defaultProbes),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let path = arguments.value("observations") ?? defaultObservations
        let sizingPath = arguments.value("sizing") ?? defaultSizing
        guard arguments.positional.isEmpty else { throw UsageError("esmsim fidelity takes no files; name them with --observations and --sizing") }
        if let set = try arguments.ensemble() {
            return ensembleFidelity(set, observations: path, probes: arguments.value("probes") ?? defaultProbes)
        }
        if arguments.value("probes") != nil { throw UsageError("--probes are run under the members of an ensemble; give --ensemble NAME|FILE too") }
        do {
            // Both files are read before anything runs, so a mistake in either costs no wait.
            let observations = try ObservationFile.load(path: path)
            let examples = try SizingExample.load(path: sizingPath)
            let profile = try arguments.value("profile").map(ProfileStore.load)
            if let profile {
                let names = profile.observationNames
                Console.out("Figures for \(names.joined(separator: " and ")) against \(profile.name) (in-sample: the figures calibrate fits \(profile.name) to):\n")
                let residuals = try FidelityReport.residuals(for: observations, profile: profile)
                Console.out(FidelityReport.table(residuals, sample: { $0.profile.map(names.contains) ?? true }))
                return finish(residuals, examples: examples, profile: profile)
            }
            let residuals = try FidelityReport.residuals(for: observations)
            Console.out(FidelityReport.table(residuals))
            return finish(residuals, examples: examples, profile: nil)
        } catch {
            return Console.failure(error)
        }
    }

    /// Prints the sizing table (out of sample: never fitted); the exit code of the whole check.
    private static func finish(_ residuals: [Calibrator.Residual], examples: [SizingExample], profile: BehaviourProfile?) -> ExitCode {
        do {
            let sizing = try SizingReport.rows(for: examples, profile: profile)
            Console.out("\nAWS's documented sizing arithmetic (no per-batch overhead) next to the model:\n")
            Console.out(SizingReport.table(sizing))
            return residuals.allSatisfy(\.withinTolerance) && sizing.allSatisfy(\.holds) ? .success : .failure
        } catch {
            return Console.failure(error)
        }
    }

    /// `fidelity --ensemble`: each member's residuals, then the probes most-disputed first.
    static func ensembleFidelity(_ set: ProfileSet, observations path: String, probes probesPath: String) -> ExitCode {
        do {
            let probes = try ProbeFile.load(path: probesPath)
            let members = try EnsembleFidelity.residuals(try ObservationFile.load(path: path), set: set)
            Console.out("Profile set \(set.name), \(Plural.count(set.members.count, "member")): \(set.memberNames.joined(separator: ", "))\n")
            Console.out(EnsembleFidelity.residualTable(members, observationsFile: path))
            let disagreements = try EnsembleFidelity.disagreements(probes, set: set)
            Console.out("\nWhere the evidence does not decide: \(probesPath), the members' answers, most disputed first\n")
            Console.out(EnsembleFidelity.disagreementTable(disagreements))
            return members.allSatisfy(\.consistent) ? .success : .failure
        } catch {
            return Console.failure(error)
        }
    }
}
