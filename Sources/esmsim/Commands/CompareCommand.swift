import ESMCharts
import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import ESMStudies
import EventEngine
import Foundation

/// `esmsim compare`: runs several scenarios and overlays them on one chart, plus an HTML report.
enum CompareCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "compare", operands: "FILE...",
        summary: "simulate scenarios and overlay them on one chart, with an HTML report",
        about: """
        Simulates each scenario file and overlays their offset lag, concurrency and pollers on one
        SVG chart with a legend giving each one's drain time and time to maximum concurrency. Also
        writes a self-contained HTML report (the comparison chart, each scenario's own chart and the
        summary table) that opens from disk with no network: DIR/comparison.svg and DIR/report.html.
        Writes no CSVs: use `esmsim run` for those.

        With --observed, the one scenario is also laid over an observed CloudWatch series (the
        JSON of aws cloudwatch get-metric-data, several results summed, or timestamp,value
        CSV): each observed point is compared with the simulated figure over its period
        (maximum for lag, concurrency and pollers; sum for invocations and throttles), placed
        by the scenario's startTime (or, without one, from the first observed point). Prints
        the mean absolute error, the error at the observed peak and, for offset lag, the
        difference in time to catch up (lag back under 1 % of its peak); writes the overlay
        as DIR/observed-METRIC.csv (time_s,clock,observed,simulated). The chart and report
        draw it in a panel of its own (observed black and dashed, legend entry "observed")
        on the scenario's clock, or the first observed point's, and the report tables the
        error measures.

        With --ensemble, each scenario runs under every member of the profile set and
        DIR/<file name>/ holds ensemble.svg (the band across members: shaded min..max,
        median line) and report.html (the band, every summary metric's range with the rows
        where the members disagree, beyond 10 % of the median, highlighted, each member's
        chart and summary); DIR/ensemble-summary.csv holds every scenario's ranges. With
        --observed too, prints each member's error against the series and which members
        stay consistent with it (RMS error per point within 10 % of the observed peak), and
        writes DIR/observed-METRIC.csv with one simulated column per member, in the set's
        order, and their median (time_s,clock,observed_METRIC,simulated_METRIC:MEMBER...,
        simulated_METRIC_median).
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder for comparison.svg and report.html", default: "Results"),
            OptionDefinition("title", .text("TEXT"), "the chart's title", default: "\"Comparison of N scenarios\""),
            .positive("until", "S", unit: "seconds", "seconds of simulated time to show",
                      default: "a quarter past the latest drain or maximum-concurrency time,\nso a long idle tail does not squeeze the curves"),
            OptionDefinition("observed", .text("SERIES"), "an observed series file; #Id,Id chooses get-metric-data results"),
            OptionDefinition("metric", .text("NAME"), "what --observed measures: OffsetLag (summed over partitions),\nOffsetLag:Max, SumOffsetLag, MaxOffsetLag, ConcurrentExecutions,\nProvisionedPollers, Invocations or Throttles", default: "from the results' Label or Id"),
            SharedOptions.ensemble,
        ] + SharedOptions.run + SharedOptions.prices)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let folder = try OutputPath.folder(arguments.value("out")) ?? "Results"
        if folder.hasSuffix(".svg") || folder.hasSuffix(".html") {
            throw UsageError("--out is the output folder (comparison.svg and report.html are written inside it), not a file: \(folder)")
        }
        let chartPath = folder + "/comparison.svg"
        let reportPath = folder + "/report.html"
        let title = arguments.value("title") ?? "Comparison of \(Plural.count(arguments.positional.count, "scenario"))"
        let until = try arguments.number("until").map(Ticks.seconds)
        var options = try arguments.runOptions()
        let pricing = try PriceOptions(arguments)
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim compare needs at least one scenario file (see esmsim help compare)") }
        let metricName = arguments.value("metric")
        var observed: ObservedSeries?
        if let observedReference = arguments.value("observed") {
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
            if arguments.value("interval") == nil, let period = observed?.period, period > 0 { options.sampleInterval = min(period, options.sampleInterval) }
        } else if metricName != nil {
            throw UsageError("--metric names what an --observed series measures; give --observed too")
        }
        let ensemble = try arguments.ensemble()
        guard let loaded = ScenarioBatch.load(arguments.positional, options: options) else { return .usage }
        if let observed, let item = loaded.first,
           let problem = observed.placementProblem(startTime: item.scenario.startTime, horizon: options.horizon ?? item.scenario.horizon, scenario: item.path) {
            Console.error(problem.description)
            return .usage
        }
        if let ensemble {
            guard ScenarioBatch.check(loaded, under: ensemble, options: options) else { return .usage }
            return compareEnsemble(loaded, set: ensemble, options: options, pricing: pricing, title: arguments.value("title"),
                                   until: until, observed: observed, folder: folder)
        }

        var results: [RunResult] = []
        var costs: [CostBreakdown] = []
        for item in loaded {
            let result = ScenarioRunner.run(item.scenario, profile: item.profile, options: options)
            do {
                try ScenarioRunner.checkFinished(result, file: item.path, limits: options.limits)
            } catch {
                return Console.failure(error)
            }
            let cost = ScenarioRunner.cost(of: result, scenario: item.scenario, prices: pricing.prices, freeTier: pricing.freeTier)
            Console.out(SummaryText.describe(result.summary, cost: cost))
            results.append(result)
            costs.append(cost)
        }
        // The observed series is compared with the first run and drawn over it; a run without
        // a clock is placed from the first observed point, and the charts then show that clock.
        let comparison = observed.flatMap { observed in results.first.map { SeriesComparison(observed, result: $0) } }
        var overlay: ObservedOverlay?
        var clocks: [ChartClock?] = []
        var shownUntil = until
        if let observed, let comparison, let result = results.first {
            let period = observed.period ?? ModelConfiguration.defaultSampleInterval
            overlay = ObservedOverlay(comparison, source: observed.series.file, period: period, dataFile: "observed-\(observed.metric.rawValue).csv")
            if result.clock == nil { clocks = [ChartClock(RunClock(startEpochMilliseconds: comparison.start))] }
            if shownUntil == nil, let overlay {
                shownUntil = max(RunChart.sharedEnd(for: results.map(\.summary)), min(overlay.end + period, result.summary.endTime))
            }
        }
        let overlayPath = overlay?.dataFile.map { "\(folder)/\($0)" }
        do {
            try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                try AtomicFile.write(ComparisonChart.figure(for: results, title: title, until: shownUntil, clocks: clocks, observed: overlay).svg(), to: chartPath)
                try AtomicFile.write(ComparisonReport.html(for: results, costs: costs, title: title, until: shownUntil, clocks: clocks, observed: overlay), to: reportPath)
                if let comparison, let overlayPath { try AtomicFile.write(comparison.csv, to: overlayPath) }
            }
        } catch {
            Console.error("esmsim: \(error.description)")
            return .failure
        }
        Console.out("wrote \(chartPath) and \(reportPath)")
        if let comparison, let overlayPath {
            for line in comparison.report { Console.out(line) }
            Console.out("wrote \(overlayPath)")
        }
        return .success
    }
}
