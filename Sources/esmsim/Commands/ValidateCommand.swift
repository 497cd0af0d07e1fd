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
        reports every problem found (exit code 2 if any).
        """,
        options: [])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim validate needs at least one scenario file") }
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
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(), file: path)
                Console.out("\(path): ok")
            } catch {
                Console.error(error.description)
                status = .usage
            }
        }
        return status
    }
}
