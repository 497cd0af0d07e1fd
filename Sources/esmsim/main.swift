import ESMStudies
import ESMFormats
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
  import FILE...     write scenarios from AWS CLI JSON, CloudFormation/SAM templates or terraform show -json
  profiles [NAME]    list behaviour profiles and their constants
  calibrate          fit a profile's constants to observations
  fidelity           published figures next to simulated ones
  cost OPTIONS       estimate a steady workload's monthly cost without simulating it
  check [FILE...]    compare drain times and costs with the committed baseline (CI)
  sweep FILE         run a sweep file's cartesian product of settings on all cores
  merge INPUT...     join a sharded sweep's outputs
  plan FILE          find the cheapest settings that meet a target

Run `esmsim COMMAND --help` for a command's options.
Exit codes: 0 success, 1 a run failed (or a check regressed), 2 bad input or usage.
"""

InterruptHandlers.install()

let words = Array(CommandLine.arguments.dropFirst())
let commands: [String: ([String]) throws(UsageError) -> ExitCode] = [
    "run": RunCommand.main,
    "compare": CompareCommand.main,
    "validate": ValidateCommand.main,
    "import": ImportCommand.main,
    "profiles": ProfilesCommand.main,
    "calibrate": CalibrateCommand.main,
    "fidelity": FidelityCommand.main,
    "cost": CostCommand.main,
    "check": CheckCommand.main,
    "sweep": SweepCommand.main,
    "merge": MergeCommand.main,
    "plan": PlanCommand.main,
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
