import ESMCharts
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// `esmsim run`: simulates scenarios and writes their CSVs.
enum RunCommand {
    static let usage = """
    USAGE: esmsim run FILE... [--out DIR] [--seed N] [--profile NAME|FILE] [--interval S] [--horizon S]
                      [--replications K] [--charts] [--prices FILE] [--region CODE] [--free-tier]

    Simulates each scenario file and writes DIR/<file name>/timeseries.csv and summary.csv,
    with what the run costs (EPU time, Lambda requests and duration).

    OPTIONS:
      --out DIR          output folder (default: Results)
      --seed N           seed for every random stream (default: the scenario's seed, else 1)
      --profile NAME     behaviour profile, shipped name or .json file (default: the scenario's, else aws-2024)
      --interval S       seconds between time-series rows, at least 1 (default: 60)
      --horizon S        stop a run that has not drained after S simulated seconds
                         (default: the scenario's horizonSeconds, else 86400)
      --replications K   also run seeds S, S+1, ... S+K-1 (S: the seed above) and write replications.csv
                         and confidence.csv (mean and 95 % confidence interval of drain time and peak lag)
      --charts           also write DIR/<file name>/chart.svg: offset lag, concurrency and pollers over time
    \(PriceOptions.usage)
      -h, --help         show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: ["free-tier", "charts"], usage: usage) else { return .success }
        let out = try OutputPath.folder(arguments.value("out")) ?? "Results"
        let options = try arguments.runOptions()
        let replications = Int(try arguments.integer("replications", in: 1...10_000) ?? 1)
        let pricing = try PriceOptions(&arguments)
        let charts = arguments.flag("charts")
        try arguments.rejectUnknown(command: "run")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim run needs at least one scenario file\n\n\(usage)") }
        try ScenarioBatch.checkDistinctFolders(arguments.positional, out: out)
        guard let loaded = ScenarioBatch.load(arguments.positional, options: options) else { return .usage }

        var status = ExitCode.success
        for item in loaded {
            let result = ScenarioRunner.run(item.scenario, profile: item.profile, options: options)
            let folder = out + "/" + item.fileStem
            let cost = ScenarioRunner.cost(of: result, scenario: item.scenario, prices: pricing.prices, freeTier: pricing.freeTier)
            Console.out(SummaryText.describe(result.summary, cost: cost))
            do {
                try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                    try RunOutputs.write(result, cost: cost, to: folder)
                    if charts { try AtomicFile.write(RunChart.svg(for: result), to: folder + "/chart.svg") }
                }
                Console.out("  wrote \(folder)/timeseries.csv\(charts ? ", summary.csv and chart.svg" : " and summary.csv")")
                if replications > 1, replicate(item.scenario, profile: item.profile, options: options, pricing: pricing, count: replications, folder: folder) != .success {
                    status = .failure
                }
            } catch {
                Console.error("esmsim: \(error.description)")
                status = .failure
            }
        }
        return status
    }
}
