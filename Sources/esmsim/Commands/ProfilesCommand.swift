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
        unit and provenance, each mechanism (how pollers grow, which partitions a rebalance
        pauses; "assumed, default" when the file keeps aws-2024's), and its hash (summary.csv's
        profile_hash); --evidence adds the evidence for each.
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
            if let alternative = profile.alternativeTo {
                Console.out("  an alternative to \(alternative): the same published figures, other mechanisms")
            }
            let width = (ProfileConstant.catalog.map(\.name.count) + ProfileSetting.catalog.map(\.name.count)).max() ?? 0
            func line(_ name: String, _ value: String, _ defaulted: Bool) {
                let note = profile.notes.first { $0.name == name }
                let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
                Console.out("  \(padded)  \(value)  [\(note?.provenance ?? (defaulted ? "assumed, default" : "?"))]")
                if withEvidence, let evidence = note?.evidence { Console.out("      \(evidence)") }
            }
            for constant in ProfileConstant.catalog where profile.listsOrUses(constant) {
                let value = ProfileStore.formatValue(profile[keyPath: constant.keyPath])
                line(constant.name, "\(value) \(Plural.unit(constant.unit, after: value))", constant.defaultValue != nil)
            }
            for setting in ProfileSetting.catalog {
                line(setting.name, setting.read(profile), true)
            }
            Console.out("")
        }
        return .success
    }
}
