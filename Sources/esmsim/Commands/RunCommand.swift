import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// `esmsim run`: simulates scenarios and writes their CSVs.
enum RunCommand {
    static let usage = """
    USAGE: esmsim run FILE... [--out DIR] [--seed N] [--profile NAME|FILE] [--interval S] [--horizon S] [--replications K]
                      [--prices FILE] [--region CODE] [--free-tier]

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
    \(PriceOptions.usage)
      -h, --help         show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        var arguments = try Arguments(words, flags: ["free-tier"])
        if arguments.wantsHelp {
            Console.out(usage)
            return .success
        }
        let out = arguments.value("out") ?? "Results"
        let seed = try arguments.integer("seed", in: 0...Int64.max).map { UInt64($0) }
        let profile = arguments.value("profile")
        let interval = try arguments.positiveNumber("interval") ?? 60
        let replications = Int(try arguments.integer("replications", in: 1...10_000) ?? 1)
        let pricing = try PriceOptions(&arguments)
        let horizon = try arguments.positiveNumber("horizon")
        if let horizon, horizon > ScenarioLoader.maximumHorizonSeconds {
            throw UsageError("--horizon must be at most \(Int(ScenarioLoader.maximumHorizonSeconds)) s (a year), not \(horizon)")
        }
        try arguments.rejectUnknown(command: "run")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim run needs at least one scenario file\n\n\(usage)") }
        let options = ScenarioRunner.Options(
            profile: profile, seed: seed, sampleInterval: max(1, Ticks.seconds(interval)), horizon: horizon.map(Ticks.seconds))

        // Load and validate everything first (sizes included), so a bad file costs no simulation time.
        var loaded: [(path: String, scenario: Scenario, profile: BehaviourProfile)] = []
        var invalid = false
        for path in arguments.positional {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                let profile: BehaviourProfile
                do {
                    profile = try ScenarioRunner.profile(for: scenario, options: options)
                } catch {
                    Console.error("\(path): \(error.description)")
                    invalid = true
                    continue
                }
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: path)
                loaded.append((path, scenario, profile))
            } catch {
                Console.error(error.description)
                invalid = true
            }
        }
        if invalid { return .usage }

        var status = ExitCode.success
        for item in loaded {
            let result = ScenarioRunner.run(item.scenario, profile: item.profile, options: options)
            let folder = out + "/" + URL(fileURLWithPath: item.path).deletingPathExtension().lastPathComponent
            let cost = ScenarioRunner.cost(of: result, scenario: item.scenario, prices: pricing.prices, freeTier: pricing.freeTier)
            Console.out(SummaryText.describe(result.summary, cost: cost))
            do {
                try RunOutputs.write(result, cost: cost, to: folder)
                Console.out("  wrote \(folder)/timeseries.csv and summary.csv")
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
