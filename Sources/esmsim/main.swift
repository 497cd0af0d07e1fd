import ESMScenarios
import Foundation

/// esmsim's entry point: dispatches to a command and exits with its code.
let overview = """
esmsim: a deterministic simulator of AWS Lambda's Kafka event source mapping.

USAGE: esmsim COMMAND [ARGUMENTS]

COMMANDS:
  run FILE...        simulate scenarios and write timeseries.csv and summary.csv
  compare FILE...    simulate scenarios and overlay them on one chart, with an HTML report
  validate FILE...   check scenario files
  profiles [NAME]    list behaviour profiles and their constants

Run `esmsim COMMAND --help` for a command's options.
Exit codes: 0 success, 1 a run failed (or a check regressed), 2 bad input or usage.
"""

signal(SIGINT) { _ in
    TemporaryFiles.shared.removeAll()
    _exit(130)
}
signal(SIGTERM) { _ in
    TemporaryFiles.shared.removeAll()
    _exit(143)
}

let words = Array(CommandLine.arguments.dropFirst())
let commands: [String: ([String]) throws(UsageError) -> ExitCode] = [
    "run": RunCommand.main,
    "compare": CompareCommand.main,
    "validate": ValidateCommand.main,
    "profiles": ProfilesCommand.main,
]
var code = ExitCode.success
if let first = words.first, let command = commands[first] {
    do {
        code = try command(Array(words.dropFirst()))
    } catch {
        Console.error("esmsim: \(error.message)")
        code = .usage
    }
} else if words.isEmpty || words.first == "--help" || words.first == "-h" || words.first == "help" {
    Console.out(overview)
    code = words.isEmpty ? .usage : .success
} else {
    Console.error("esmsim: unknown command \"\(words[0])\"\n\n\(overview)")
    code = .usage
}
exit(code.rawValue)
