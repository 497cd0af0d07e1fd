import ESMModel
import EventEngine

/// Several runs overlaid on one figure, as `esmsim compare` draws them: offset lag,
/// concurrency and pollers in three panels, one colour per scenario, and a legend that
/// gives each scenario's drain time and time to maximum concurrency.
public enum ComparisonChart {
    /// The figure comparing `results`, in the order given, showing time up to `until`
    /// (default: `RunChart.focusEnd` of all the runs).
    public static func figure(for results: [RunResult], title: String, until: SimTime? = nil) -> ChartFigure {
        var legend: [ChartLegendEntry] = []
        var lag: [ChartSeries] = []
        var concurrency: [ChartSeries] = []
        var pollers: [ChartSeries] = []
        var drainMarkers: [ChartMarker] = []
        var concurrencyMarkers: [ChartMarker] = []
        for (index, result) in results.enumerated() {
            let summary = result.summary
            let color = ChartPalette.color(index)
            let dash = ChartPalette.dash(index)
            legend.append(ChartLegendEntry(label: "\(summary.scenario) (\(summary.mode)): \(RunChart.describe(summary))", color: color, dash: dash))
            lag.append(RunChart.offsetLagSeries(result, name: summary.scenario, color: color, dash: dash))
            concurrency.append(RunChart.concurrencySeries(result, name: summary.scenario, color: color, dash: dash))
            pollers.append(RunChart.pollersSeries(result, name: summary.scenario, color: color, dash: dash))
            if let drain = summary.drainTime {
                drainMarkers.append(ChartMarker(kind: "drain", time: drain, label: nil, color: color))
            }
            concurrencyMarkers.append(ChartMarker(
                kind: "max-concurrency", time: summary.timeToMaxConcurrency, label: nil, color: color))
        }
        var figure = ChartFigure(
            title: title,
            subtitles: [
                runSettings(results.map(\.summary)),
                "Dashed vertical lines: each scenario's drain time (top) and time to maximum concurrency (middle).",
            ],
            legend: legend,
            panels: [
                ChartPanel(heading: "Offset lag (sum over partitions)", valueLabel: "records",
                           series: lag, markers: drainMarkers, showsLegend: false),
                ChartPanel(heading: "Concurrent executions (max per interval)", valueLabel: "executions",
                           series: concurrency, markers: concurrencyMarkers, showsLegend: false),
                ChartPanel(heading: "Pollers", valueLabel: "pollers", series: pollers, showsLegend: false),
            ])
        figure.limitTime(to: until ?? RunChart.focusEnd(for: results.map(\.summary)))
        return figure
    }

    /// The profiles and seeds the runs used, each distinct value once, in order of first use.
    static func runSettings(_ summaries: [RunSummary]) -> String {
        func distinct(_ values: [String]) -> String {
            var seen: [String] = []
            for value in values where !seen.contains(value) { seen.append(value) }
            return seen.joined(separator: ", ")
        }
        let profiles = distinct(summaries.map(\.profile))
        let seeds = distinct(summaries.map { String($0.seed) })
        return "Profile \(profiles); seed \(seeds)."
    }
}
