import ESMFormats
import ESMScenarios

/// Every command with its definition, and the dispatch from the first word to one of them,
/// `help`, `version` or the overview.
enum CommandTable {
    /// The commands, in overview order.
    static let commands: [any CommandLineCommand.Type] = [
        RunCommand.self, CompareCommand.self, ValidateCommand.self, ImportCommand.self, ProfilesCommand.self,
        CalibrateCommand.self, FidelityCommand.self, CostCommand.self, CheckCommand.self, SweepCommand.self,
        MergeCommand.self, PlanCommand.self,
    ]

    /// The overview `esmsim`, `esmsim help` and `esmsim --help` print.
    static var overview: String {
        let rows = commands.map { ($0.definition.name + ($0.definition.operands.isEmpty ? "" : " " + $0.definition.operands), $0.definition.summary) }
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
            guard rest.count == 1, let command = command(named: name) else { return fail(unknownCommand(name)) }
            Console.out(command.definition.help)
            return .success
        default:
            guard let command = command(named: first) else { return fail(unknownCommand(first)) }
            do {
                return try command.main(rest)
            } catch {
                return fail(error)
            }
        }
    }

    static func command(named name: String) -> (any CommandLineCommand.Type)? { commands.first { $0.definition.name == name } }

    static func unknownCommand(_ name: String) -> UsageError {
        let names = commands.map { $0.definition.name } + ["help", "version"]
        let hint = SpellingSuggestion.closest(to: name, in: names).map { "; did you mean \($0)?" } ?? ""
        return UsageError("unknown command \"\(name)\"\(hint)\n\n\(overview)")
    }

    static func fail(_ error: UsageError) -> ExitCode {
        Console.error("esmsim: \(error.message)")
        return .usage
    }
}
