import ESMModel
import EventEngine

/// Several runs overlaid on one figure, as `esmsim compare` draws them: incoming records
/// per second, offset lag, concurrency and pollers in panels of their own (then errors,
/// throttles and dropped records, each when some run had them), one colour and dash per
/// scenario, and a legend giving each scenario's drain time and time to maximum concurrency.
public enum ComparisonChart {
    /// The figure comparing `results`, in the order given, showing time up to `until`
    /// (default: `RunChart.sharedEnd` of all the runs); in clock time when every run has
    /// the same clock in `clocks` (one per result; empty: the runs' own, from their scenarios' `startTime`).
    /// An `observed` overlay of the first run gets a panel under the incoming traffic.
    public static func figure(for results: [RunResult], title: String, until: SimTime? = nil, clocks: [ChartClock?] = [],
                              observed: ObservedOverlay? = nil) -> ChartFigure {
        var legend: [ChartLegendEntry] = []
        var incoming: [ChartSeries] = []
        var lag: [ChartSeries] = []
        var concurrency: [ChartSeries] = []
        var pollers: [ChartSeries] = []
        var errors: [ChartSeries] = []
        var throttles: [ChartSeries] = []
        var dropped: [ChartSeries] = []
        var drainMarkers: [ChartMarker] = []
        var concurrencyMarkers: [ChartMarker] = []
        for (index, result) in results.enumerated() {
            let summary = result.summary
            let series = RunSeries(result)
            let name = summary.scenario
            let color = ChartPalette.color(index)
            let dash = ChartPalette.dash(index)
            legend.append(ChartLegendEntry(label: name, detail: "\(summary.mode); \(RunChart.describe(summary))", color: color, dash: dash))
            incoming.append(series.incomingRate(name: name, color: color, dash: dash))
            lag.append(series.offsetLag(name: name, color: color, dash: dash))
            concurrency.append(series.concurrency(name: name, color: color, dash: dash))
            pollers.append(series.pollers(name: name, color: color, dash: dash))
            errors.append(series.errors(name: name, color: color, dash: dash))
            throttles.append(series.throttles(name: name, color: color, dash: dash))
            dropped.append(series.dropped(name: name, color: color, dash: dash))
            if let drain = summary.drainTime {
                drainMarkers.append(ChartMarker(kind: "drain", time: drain, label: nil, color: color))
            }
            concurrencyMarkers.append(ChartMarker(
                kind: "max-concurrency", time: summary.timeToMaxConcurrency, label: nil, color: color, dash: "2 3"))
        }
        let interval = results.first.map { RunSeries($0).intervalText } ?? "interval"
        var panels = [
            ChartPanel(heading: RunChart.Headings.incoming, valueLabel: "records/s", series: incoming, showsLegend: false),
            ChartPanel(heading: RunChart.Headings.offsetLag, valueLabel: "records", series: lag, markers: drainMarkers, showsLegend: false),
            ChartPanel(heading: RunChart.Headings.concurrency, valueLabel: "executions",
                       series: concurrency, markers: concurrencyMarkers, showsLegend: false),
            ChartPanel(heading: RunChart.Headings.pollers, valueLabel: "pollers", series: pollers, showsLegend: false),
        ]
        let failures = [
            ("Errors (invocations per \(interval))", "errors", errors),
            ("Throttles (invocation attempts per \(interval))", "throttles", throttles),
            ("Dropped records (per \(interval))", "records", dropped),
        ].filter { $0.2.contains { $0.points.contains { $0.value != 0 } } }
        panels += failures.map { ChartPanel(heading: $0.0, valueLabel: $0.1, series: $0.2, showsLegend: false) }
        var subtitles = [
            runSettings(results.map(\.summary)),
            "Vertical lines in each scenario's colour: its drain time (dashed, offset lag) and time to maximum concurrency (dotted).",
        ]
        if failures.isEmpty { subtitles.append("No errors, throttles or dropped records in any run.") }
        var figure = ChartFigure(title: title, subtitles: subtitles, legend: legend, panels: panels, clock: ChartClock.shared(clocks.isEmpty ? results.map { $0.clock.map(ChartClock.init) } : clocks))
        if let observed, let first = results.first { figure.addObserved(observed, runName: first.summary.scenario) }
        figure.limitTime(to: until ?? RunChart.sharedEnd(for: results.map(\.summary)))
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
