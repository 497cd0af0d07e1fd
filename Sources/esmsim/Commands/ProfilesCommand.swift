import ESMFormats
import ESMModel
import ESMScenarios

/// `esmsim profiles`: lists the shipped behaviour profiles with every constant.
enum ProfilesCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "profiles", operands: "[NAME|FILE...]",
        summary: "list behaviour profiles and their constants",
        about: """
        Lists behaviour profiles (default: every shipped one) with each constant's value,
        unit and provenance, and its hash (summary.csv's profile_hash); --evidence adds the evidence for each.
        """,
        options: [OptionDefinition("evidence", .flag, "add each constant's evidence")])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let withEvidence = arguments.flag("evidence")
        let names = arguments.positional.isEmpty ? ProfileStore.shippedNames : arguments.positional
        for name in names {
            let profile: BehaviourProfile
            do {
                profile = try ProfileStore.load(name)
            } catch {
                Console.error("esmsim: \(error.description)")
                return .usage
            }
            Console.out("\(profile.name) (hash \(ProfileStore.hash(profile))): \(profile.summary)")
            let width = ProfileConstant.catalog.map(\.name.count).max() ?? 0
            for constant in ProfileConstant.catalog {
                let value = ProfileStore.formatValue(profile[keyPath: constant.keyPath])
                let note = profile.notes.first { $0.name == constant.name }
                let padded = constant.name.padding(toLength: width, withPad: " ", startingAt: 0)
                Console.out("  \(padded)  \(value) \(Plural.unit(constant.unit, after: value))  [\(note?.provenance ?? "?")]")
                if withEvidence, let evidence = note?.evidence { Console.out("      \(evidence)") }
            }
            Console.out("")
        }
        return .success
    }
}
