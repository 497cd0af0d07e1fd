import ESMModel
import ESMScenarios

/// `esmsim validate`: checks scenario files without running them.
enum ValidateCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "validate", operands: "FILE...",
        summary: "check scenario files",
        about: """
        Checks each scenario file against the real service's field names and ranges, and
        that a run of it (with its profile, a 60 s interval) is small enough to simulate;
        reports every problem found (exit code 2 if any). A run admitted only because it
        compresses says so, with the event budget it runs with.
        """,
        options: [SharedOptions.maxEvents])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim validate needs at least one scenario file") }
        let limits = try arguments.runLimits()
        var status = ExitCode.success
        for path in arguments.positional {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                let profile: BehaviourProfile
                do {
                    profile = try ProfileStore.load(scenario.profileName ?? Scenario.defaultProfileName)
                } catch {
                    Console.error("\(path): profile: \(error.description)")
                    status = .usage
                    continue
                }
                let estimate = try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(limits: limits), file: path)
                Console.out("\(path): ok\(budgetNote(estimate, limits: limits))")
            } catch {
                Console.error(error.description)
                status = .usage
            }
        }
        return status
    }

    /// For a run admitted only because it compresses: its two estimates and the budget it
    /// runs with (`RunLimits.eventBudget(for:)`); empty otherwise.
    static func budgetNote(_ estimate: WorkEstimate, limits: RunLimits) -> String {
        guard estimate.uncompressedEvents > limits.maximumEvents else { return "" }
        return " (about \(RunLimits.approximate(estimate.events)) events with steady stretches compressed, "
            + "\(RunLimits.approximate(estimate.uncompressedEvents)) batch by batch; it runs with a budget of "
            + "\(RunLimits.approximate(limits.maximumEvents)) events)"
    }
}
