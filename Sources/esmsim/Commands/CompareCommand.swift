import ESMCharts
import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// `esmsim compare`: runs several scenarios and overlays them on one chart, plus an HTML report.
enum CompareCommand {
    static let usage = """
    USAGE: esmsim compare FILE... [--out FILE] [--report FILE] [--title TEXT] [--until MIN] [--seed N] [--profile NAME|FILE] [--interval S]

    Simulates each scenario file and overlays their offset lag, concurrency and pollers on one
    SVG chart with a legend giving each one's drain time and time to maximum concurrency. Also
    writes a self-contained HTML report (the comparison chart, each scenario's own chart and the
    summary table) that opens from disk with no network. Writes no CSVs: use `esmsim run` for those.

    OPTIONS:
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
        let options = try arguments.runOptions()
        let pricing = try PriceOptions(&arguments)
        try arguments.rejectUnknown(command: "compare")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim compare needs at least one scenario file\n\n\(usage)") }
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
        return .success
    }
}
