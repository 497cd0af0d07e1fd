import ESMCharts
import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import ESMStudies
import EventEngine
import Foundation

/// `esmsim compare`: runs several scenarios and overlays them on one chart, plus an HTML report.
enum CompareCommand {
    static let usage = """
    USAGE: esmsim compare FILE... [--out FILE] [--report FILE] [--title TEXT] [--until MIN] [--seed N] [--profile NAME|FILE] [--interval S]
       esmsim compare FILE --observed SERIES[#ID,...] [--metric NAME] [options]

    Simulates each scenario file and overlays their offset lag, concurrency and pollers on one
    SVG chart with a legend giving each one's drain time and time to maximum concurrency. Also
    writes a self-contained HTML report (the comparison chart, each scenario's own chart and the
    summary table) that opens from disk with no network. Writes no CSVs: use `esmsim run` for those.

    With --observed, the one scenario is also laid over an observed CloudWatch series (the
    JSON of aws cloudwatch get-metric-data, several results summed, or timestamp,value
    CSV): each observed point is compared with the simulated figure over its period
    (maximum for lag, concurrency and pollers; sum for invocations and throttles), placed
    by the scenario's startTime (or, without one, from the first observed point). Prints
    the mean absolute error, the error at the observed peak and, for offset lag, the
    difference in time to catch up (lag back under 1 % of its peak); writes the overlay
    as observed-METRIC.csv (time_s,clock,observed,simulated) beside the chart.

    OPTIONS:
      --observed SERIES  an observed series file; #Id,Id chooses get-metric-data results
      --metric NAME      what it measures: OffsetLag (summed over partitions), OffsetLag:Max,
                         SumOffsetLag, MaxOffsetLag, ConcurrentExecutions, ProvisionedPollers,
                         Invocations or Throttles (default: from the results' Label or Id)
      --out FILE         the SVG chart (default: Results/comparison.svg)
      --report FILE      the HTML report (default: report.html in the chart's folder)
      --title TEXT       the chart's title (default: "Comparison of N scenarios")
      --until MIN        minutes of simulated time to show (default: a quarter past the latest
                         drain or maximum-concurrency time, so a long idle tail does not squeeze the curves)
      --seed N           seed for every random stream (default: each scenario's seed, else 1)
      --profile NAME     behaviour profile, shipped name or .json file (default: each scenario's, else aws-2024)
      --interval S       seconds between samples, one chart point each (default: 60)
      -h, --help         show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: [], usage: usage) else { return .success }
        let chartPath = try OutputPath.file(arguments.value("out"), option: "out") ?? "Results/comparison.svg"
        let reportPath = try OutputPath.file(arguments.value("report"), option: "report")
            ?? ((chartPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("report.html")
        let count = arguments.positional.count
        let title = arguments.value("title") ?? "Comparison of \(count) scenario\(count == 1 ? "" : "s")"
        let until = try arguments.positiveNumber("until").map { Ticks.seconds($0 * 60) }
        var options = try arguments.runOptions()
        let pricing = try PriceOptions(&arguments)
        let observedReference = arguments.value("observed")
        let metricName = arguments.value("metric")
        let intervalGiven = arguments.value("interval") != nil
        try arguments.rejectUnknown(command: "compare")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim compare needs at least one scenario file\n\n\(usage)") }
        var observed: ObservedSeries?
        if let observedReference {
            guard arguments.positional.count == 1 else { throw UsageError("--observed compares one scenario with its observations; give one scenario file") }
            var metric: SeriesMetric?
            if let metricName {
                guard let known = SeriesMetric.parse(metricName) else {
                    throw UsageError("--metric must be one of \(SeriesMetric.names.joined(separator: ", ")), not \"\(metricName)\"")
                }
                metric = known
            }
            do {
                observed = try ObservedSeries.read(observedReference, metric: metric)
            } catch {
                Console.error(error.description)
                return .usage
            }
            // Sample at the observed period (up to a minute) so every period holds samples.
            if !intervalGiven, let period = observed?.period, period > 0 { options.sampleInterval = min(period, options.sampleInterval) }
        } else if metricName != nil {
            throw UsageError("--metric names what an --observed series measures; give --observed too")
        }
        guard let loaded = ScenarioBatch.load(arguments.positional, options: options) else { return .usage }

        var results: [RunResult] = []
        var costs: [CostBreakdown] = []
        for item in loaded {
            let result = ScenarioRunner.run(item.scenario, profile: item.profile, options: options)
            let cost = ScenarioRunner.cost(of: result, scenario: item.scenario, prices: pricing.prices, freeTier: pricing.freeTier)
            Console.out(SummaryText.describe(result.summary, cost: cost))
            results.append(result)
            costs.append(cost)
        }
        do {
            let folder = (chartPath as NSString).deletingLastPathComponent
            try OutputFolder.claiming(folder.isEmpty ? "." : folder) { () throws(AtomicFile.WriteError) in
                try AtomicFile.write(ComparisonChart.figure(for: results, title: title, until: until).svg(), to: chartPath)
                try AtomicFile.write(ComparisonReport.html(for: results, costs: costs, title: title, until: until), to: reportPath)
            }
        } catch {
            Console.error("esmsim: \(error.description)")
            return .failure
        }
        Console.out("wrote \(chartPath) and \(reportPath)")
        if let observed, let result = results.first {
            let comparison = SeriesComparison(observed, result: result)
            for line in comparison.report { Console.out(line) }
            let overlay = ((chartPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("observed-\(observed.metric.rawValue).csv")
            do {
                try AtomicFile.write(comparison.csv, to: overlay)
            } catch {
                Console.error("esmsim: \(error.description)")
                return .failure
            }
            Console.out("wrote \(overlay)")
        }
        return .success
    }
}
