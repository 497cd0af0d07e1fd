import ESMModel
import ESMScenarios

/// `esmsim profiles`: lists the shipped behaviour profiles with every constant.
enum ProfilesCommand {
    static let usage = """
    USAGE: esmsim profiles [NAME|FILE...] [--evidence]

    Lists behaviour profiles (default: every shipped one) with each constant's value,
    unit and provenance; --evidence adds the evidence for each.
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: ["evidence"], usage: usage) else { return .success }
        let withEvidence = arguments.flag("evidence")
        try arguments.rejectUnknown(command: "profiles")
        let names = arguments.positional.isEmpty ? ProfileStore.shippedNames : arguments.positional
        for name in names {
            let profile: BehaviourProfile
            do {
                profile = try ProfileStore.load(name)
            } catch {
                Console.error("esmsim: \(error.description)")
                return .usage
            }
            Console.out("\(profile.name): \(profile.summary)")
            let width = ProfileConstant.catalog.map(\.name.count).max() ?? 0
            for constant in ProfileConstant.catalog {
                let value = ProfileStore.formatValue(profile[keyPath: constant.keyPath])
                let note = profile.notes.first { $0.name == constant.name }
                let padded = constant.name.padding(toLength: width, withPad: " ", startingAt: 0)
                Console.out("  \(padded)  \(value) \(constant.unit)  [\(note?.provenance ?? "?")]")
                if withEvidence, let evidence = note?.evidence { Console.out("      \(evidence)") }
            }
            Console.out("")
        }
        return .success
    }
}
