import ESMFormats
import ESMScenarios

/// Every command with its definition, and the dispatch from the first word to one of them,
/// `help`, `version` or the overview.
enum CommandTable {
    /// A command: its interface and what runs it.
    struct Entry: Sendable {
        let definition: CommandDefinition
        let main: @Sendable ([String]) throws(UsageError) -> ExitCode
    }

    /// The commands, in overview order.
    static let entries: [Entry] = [
        Entry(definition: RunCommand.definition, main: RunCommand.main),
        Entry(definition: CompareCommand.definition, main: CompareCommand.main),
        Entry(definition: ValidateCommand.definition, main: ValidateCommand.main),
        Entry(definition: ImportCommand.definition, main: ImportCommand.main),
        Entry(definition: ProfilesCommand.definition, main: ProfilesCommand.main),
        Entry(definition: CalibrateCommand.definition, main: CalibrateCommand.main),
        Entry(definition: FidelityCommand.definition, main: FidelityCommand.main),
        Entry(definition: CostCommand.definition, main: CostCommand.main),
        Entry(definition: CheckCommand.definition, main: CheckCommand.main),
        Entry(definition: SweepCommand.definition, main: SweepCommand.main),
        Entry(definition: MergeCommand.definition, main: MergeCommand.main),
        Entry(definition: PlanCommand.definition, main: PlanCommand.main),
    ]

    /// The overview `esmsim`, `esmsim help` and `esmsim --help` print.
    static var overview: String {
        let rows = entries.map { ($0.definition.name + ($0.definition.operands.isEmpty ? "" : " " + $0.definition.operands), $0.definition.summary) }
        let width = max(19, (rows.map(\.0.count).max() ?? 0) + 2)
        return """
        esmsim \(ESMSimVersion.current): a deterministic simulator of AWS Lambda's Kafka event source mapping.

        USAGE: esmsim COMMAND [ARGUMENTS]

        COMMANDS:
        \(rows.map { CommandDefinition.row($0.0, $0.1, width: width) }.joined(separator: "\n"))
        \(CommandDefinition.row("help [COMMAND]", "this overview, or a command's options", width: width))
        \(CommandDefinition.row("version", "the version (also --version); outputs are byte-identical per version", width: width))

        Run `esmsim help COMMAND` (or `esmsim COMMAND --help`) for a command's options.
        Exit codes: 0 success, 1 a run failed (or a check regressed), 2 bad input or usage.
        """
    }

    /// Runs the command `words` name and returns its exit code.
    static func dispatch(_ words: [String]) -> ExitCode {
        guard let first = words.first else {
            Console.error(overview)
            return .usage
        }
        let rest = Array(words.dropFirst())
        switch first {
        case "--version", "-V", "version":
            guard rest.isEmpty else { return fail(UsageError("esmsim \(first) takes no arguments")) }
            Console.out("esmsim \(ESMSimVersion.current)")
            return .success
        case "help", "--help", "-h":
            guard let name = rest.first else {
                Console.out(overview)
                return .success
            }
            guard rest.count == 1, let entry = entry(named: name) else { return fail(unknownCommand(name)) }
            Console.out(entry.definition.help)
            return .success
        default:
            guard let entry = entry(named: first) else { return fail(unknownCommand(first)) }
            do {
                return try entry.main(rest)
            } catch {
                return fail(error)
            }
        }
    }

    static func entry(named name: String) -> Entry? { entries.first { $0.definition.name == name } }

    static func unknownCommand(_ name: String) -> UsageError {
        let names = entries.map(\.definition.name) + ["help", "version"]
        let hint = SpellingSuggestion.closest(to: name, in: names).map { "; did you mean \($0)?" } ?? ""
        return UsageError("unknown command \"\(name)\"\(hint)\n\n\(overview)")
    }

    static func fail(_ error: UsageError) -> ExitCode {
        Console.error("esmsim: \(error.message)")
        return .usage
    }
}
