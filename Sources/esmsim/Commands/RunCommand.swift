import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// `esmsim run`: simulates scenarios and writes their CSVs.
enum RunCommand {
    static let usage = """
    USAGE: esmsim run FILE... [--out DIR] [--seed N] [--profile NAME|FILE] [--interval S] [--charts]

    Simulates each scenario file and writes DIR/<file name>/timeseries.csv and summary.csv.

    OPTIONS:
      --out DIR          output folder (default: Results)
      --seed N           seed for every random stream (default: the scenario's seed, else 1)
      --profile NAME     behaviour profile, shipped name or .json file (default: the scenario's, else aws-2024)
      --interval S       seconds between time-series rows (default: 60)
      --charts           also write DIR/<file name>/chart.svg: offset lag, concurrency and pollers over time
      -h, --help         show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        var arguments = try Arguments(words, flags: ["charts"])
        if arguments.wantsHelp {
            Console.out(usage)
            return .success
        }
        let out = arguments.value("out") ?? "Results"
        let options = try arguments.runOptions()
        let charts = arguments.flag("charts")
        try arguments.rejectUnknown(command: "run")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim run needs at least one scenario file\n\n\(usage)") }
        guard let loaded = ScenarioBatch.load(arguments.positional, options: options) else { return .usage }

        var status = ExitCode.success
        for item in loaded {
            let result = ScenarioRunner.run(item.scenario, profile: item.profile, options: options)
            let folder = out + "/" + item.fileStem
            Console.out(SummaryText.describe(result.summary))
            do {
                try RunOutputs.write(result, to: folder)
                if charts { try AtomicFile.write(RunChart.svg(for: result), to: folder + "/chart.svg") }
                Console.out("  wrote \(folder)/timeseries.csv\(charts ? ", summary.csv and chart.svg" : " and summary.csv")")
            } catch {
                Console.error("esmsim: \(error.description)")
                status = .failure
            }
        }
        return status
    }
}
