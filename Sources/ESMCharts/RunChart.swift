import ESMModel
import EventEngine

/// The chart of one run, as `esmsim run --charts` writes it: offset lag in one panel,
/// concurrency and pollers in a second, the drain time and the time to maximum concurrency
/// marked in both.
public enum RunChart {
    /// Colours of the run chart's lines and markers.
    enum Colors {
        static let offsetLag = ChartPalette.color(0)
        static let concurrency = ChartPalette.color(1)
        static let pollers = ChartPalette.color(2)
        static let drain = "#6a3d9a"
        static let maxConcurrency = "#b22222"
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

    /// The figure for `result`, showing time up to `until` (default: `focusEnd`).
    public static func figure(for result: RunResult, until: SimTime? = nil) -> ChartFigure {
        let summary = result.summary
        let drainMarker = summary.drainTime.map { time in
            ChartMarker(kind: "drain", time: time, label: "drained at \(ChartNumberFormat.minutes(time))", color: Colors.drain)
        }
        let concurrencyMarker = ChartMarker(
            kind: "max-concurrency", time: summary.timeToMaxConcurrency,
            label: "max concurrency \(summary.maxConcurrency) at \(ChartNumberFormat.minutes(summary.timeToMaxConcurrency))",
            color: Colors.maxConcurrency)
        // Each panel labels its own moment; the other panel's line is drawn unlabelled so the
        // two curves can be read against the same instants.
        var unlabelledConcurrency = concurrencyMarker
        unlabelledConcurrency.label = nil
        var unlabelledDrain = drainMarker
        unlabelledDrain?.label = nil

        let lag = ChartPanel(
            heading: "Offset lag (sum over partitions)", valueLabel: "records",
            series: [offsetLagSeries(result, name: "offset lag (sum)", color: Colors.offsetLag)],
            markers: [drainMarker, unlabelledConcurrency].compactMap { $0 }, showsLegend: true)
        let scaling = ChartPanel(
            heading: "Concurrent executions and pollers", valueLabel: "executions, pollers",
            series: [
                concurrencySeries(result, name: "concurrency (max per interval)", color: Colors.concurrency),
                pollersSeries(result, name: "pollers", color: Colors.pollers),
            ],
            markers: [unlabelledDrain, concurrencyMarker].compactMap { $0 }, showsLegend: true)
        let subtitle = "\(summary.mode), profile \(summary.profile), seed \(summary.seed); \(describe(summary))"
        var figure = ChartFigure(title: summary.scenario, subtitles: [subtitle], panels: [lag, scaling])
        figure.limitTime(to: until ?? focusEnd(for: [summary]))
        return figure
    }

    /// The run's chart as an SVG document.
    public static func svg(for result: RunResult, until: SimTime? = nil) -> String {
        figure(for: result, until: until).svg()
    }

    /// The headline moments of a run: drain, maximum concurrency, peak offset lag.
    static func describe(_ summary: RunSummary) -> String {
        let drain = summary.drainTime.map { "drained at \(ChartNumberFormat.minutes($0))" }
            ?? "not drained by \(ChartNumberFormat.minutes(summary.endTime))"
        return "\(drain); max concurrency \(summary.maxConcurrency) at "
            + "\(ChartNumberFormat.minutes(summary.timeToMaxConcurrency)); "
            + "peak offset lag \(ChartNumberFormat.compactCount(Double(summary.peakOffsetLag)))"
    }

    /// Offset lag (sum over partitions) per sample.
    static func offsetLagSeries(_ result: RunResult, name: String, color: String, dash: String? = nil) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: result.rows.map { ($0.time, Double($0.offsetLagSum)) })
    }

    /// The most concurrent executions in each sampling interval.
    static func concurrencySeries(_ result: RunResult, name: String, color: String, dash: String? = nil) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: result.rows.map { ($0.time, Double($0.concurrencyMax)) })
    }

    /// Pollers running at each sample.
    static func pollersSeries(_ result: RunResult, name: String, color: String, dash: String? = nil) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: result.rows.map { ($0.time, Double($0.pollers)) })
    }
}
