import ESMFormats
import ESMModel
import EventEngine

/// The chart of one run, as `esmsim run --charts` writes it: incoming records per second,
/// offset lag, concurrency and pollers each on an axis of its own, then errors, throttles and
/// dropped records when there were any; the drain time and the time to maximum concurrency
/// marked in the panels where they happen.
public enum RunChart {
    /// Colours of the marker lines: neutral, since line colour stands for the scenario.
    enum Colors {
        static let drain = "#333333"
        static let maxConcurrency = "#333333"
    }

    /// How far past the last marked moment a chart goes by default, as a multiple of that
    /// moment's time: enough to see the curves settle, without hours of idle pollers
    /// scaling in squeezing the interesting minutes into the left edge.
    static let focusMargin = 1.25

    /// The default time limit for charts of `summaries`: a margin past the latest drain
    /// time (or run end, when a run did not drain) and time to maximum concurrency.
    public static func focusEnd(for summaries: [RunSummary]) -> SimTime {
        let moments = summaries.map { max($0.drainTime ?? $0.endTime, $0.timeToMaxConcurrency) }
        return SimTime((Double(moments.max() ?? 0) * focusMargin).rounded(.up))
    }

    /// The time every chart of `summaries` shows by default: the focus end, but no later
    /// than the longest run ends. Charts given the same end share one x-range.
    public static func sharedEnd(for summaries: [RunSummary]) -> SimTime {
        min(focusEnd(for: summaries), summaries.map(\.endTime).max() ?? 0)
    }

    /// The figure for `result`, showing time up to `until` (default: `sharedEnd` of this
    /// run), in clock time when `clock` is given or the run has one (its scenario's
    /// `startTime`); `scenarioIndex` picks the line colour and
    /// dash, so in a report each run looks as it does in the comparison.
    public static func figure(for result: RunResult, until: SimTime? = nil, clock: ChartClock? = nil, scenarioIndex: Int = 0) -> ChartFigure {
        let summary = result.summary
        let series = RunSeries(result)
        let color = ChartPalette.color(scenarioIndex)
        func dash(_ role: Int) -> String? { ChartPalette.dash(scenario: scenarioIndex, role: role) }
        let drainMarker = summary.drainTime.map { time in
            ChartMarker(kind: "drain", time: time, label: "drained at \(ChartNumberFormat.minutes(time))", color: Colors.drain)
        }
        let concurrencyMarker = ChartMarker(
            kind: "max-concurrency", time: summary.timeToMaxConcurrency,
            label: "max concurrency \(summary.maxConcurrency) at \(ChartNumberFormat.minutes(summary.timeToMaxConcurrency))",
            color: Colors.maxConcurrency, dash: "2 3")
        // Each moment is labelled in its own panel; elsewhere its line is drawn unlabelled so
        // the curves can be read against the same instants.
        var unlabelledConcurrency = concurrencyMarker
        unlabelledConcurrency.label = nil
        var unlabelledDrain = drainMarker
        unlabelledDrain?.label = nil
        let unlabelled = [unlabelledDrain, unlabelledConcurrency].compactMap { $0 }

        var panels = [
            ChartPanel(heading: Headings.incomingAndProcessed, valueLabel: "records/s", series: [
                series.incomingRate(name: "incoming", color: color, dash: dash(0)),
                series.processedRate(name: "processed", color: color, dash: dash(1)),
            ], markers: unlabelled, showsLegend: true),
            ChartPanel(heading: Headings.offsetLag, valueLabel: "records",
                       series: [series.offsetLag(name: "offset lag", color: color, dash: dash(0))],
                       markers: [drainMarker, unlabelledConcurrency].compactMap { $0 }, showsLegend: false),
            ChartPanel(heading: Headings.concurrency, valueLabel: "executions",
                       series: [series.concurrency(name: "concurrency", color: color, dash: dash(0))],
                       markers: [unlabelledDrain, concurrencyMarker].compactMap { $0 }, showsLegend: false),
            ChartPanel(heading: Headings.pollers, valueLabel: "pollers",
                       series: [series.pollers(name: "pollers", color: color, dash: dash(0))],
                       markers: unlabelled, showsLegend: false),
        ]
        var subtitles = ["\(summary.mode), profile \(summary.profile), seed \(summary.seed); \(describe(summary))"]
        if series.hasFailures {
            panels.append(ChartPanel(
                heading: Headings.failures(series.intervalText), valueLabel: "per \(series.intervalText)", series: [
                    series.errors(name: "errors", color: color, dash: dash(0)),
                    series.throttles(name: "throttles", color: color, dash: dash(1)),
                    series.dropped(name: "dropped", color: color, dash: dash(2)),
                ], markers: unlabelled, showsLegend: true))
        } else {
            subtitles.append(Headings.noFailures)
        }
        var figure = ChartFigure(title: summary.scenario, subtitles: subtitles, panels: panels, clock: clock ?? result.clock.map(ChartClock.init))
        figure.limitTime(to: until ?? sharedEnd(for: [summary]))
        return figure
    }

    /// The run's chart as an SVG document.
    public static func svg(for result: RunResult, until: SimTime? = nil, clock: ChartClock? = nil) -> String {
        figure(for: result, until: until, clock: clock).svg()
    }

    /// The headline moments of a run: drain, maximum concurrency, peak offset lag.
    static func describe(_ summary: RunSummary) -> String {
        let drain = summary.drainTime.map { "drained at \(ChartNumberFormat.minutes($0))" }
            ?? "not drained by \(ChartNumberFormat.minutes(summary.endTime))"
        return "\(drain); max concurrency \(summary.maxConcurrency) at "
            + "\(ChartNumberFormat.minutes(summary.timeToMaxConcurrency)); "
            + "peak offset lag \(ChartNumberFormat.compactCount(Double(summary.peakOffsetLag)))"
    }

    /// Panel headings shared by the run and comparison charts, so the same quantity is called the same everywhere.
    enum Headings {
        static let incoming = "Incoming records per second"
        static let incomingAndProcessed = "Records per second, incoming and processed"
        static let offsetLag = "Offset lag (sum over partitions)"
        static let concurrency = "Concurrent executions (max per interval)"
        static let pollers = "Pollers"
        static let noFailures = "No errors, throttles or dropped records."
        static func failures(_ interval: String) -> String { "Errors, throttles and dropped records (per \(interval))" }
    }
}
