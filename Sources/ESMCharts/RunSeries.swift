import ESMFormats
import ESMModel
import EventEngine

/// The lines a chart draws from a run's samples.
///
/// Totals (records produced, processed, dropped) become a value per interval, plotted at
/// the interval's end as CloudWatch plots a period; the first sample, at time zero, opens
/// the first interval, so a backlog present at the start is not drawn as incoming traffic.
struct RunSeries {
    let rows: [TimeSeriesRow]

    init(_ result: RunResult) {
        rows = result.rows
    }

    /// Whether any interval had an error, a throttle or a dropped record.
    var hasFailures: Bool {
        rows.contains { $0.errors > 0 || $0.throttles > 0 } || (rows.last?.recordsDropped ?? 0) > 0
    }

    /// The sampling interval as text (`60 s`), from the first two samples.
    var intervalText: String {
        guard rows.count >= 2 else { return "interval" }
        return CSVFormat.seconds(rows[1].time - rows[0].time) + " s"
    }

    func incomingRate(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: ratePerSecond(\.producedTotal))
    }

    func processedRate(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: ratePerSecond(\.processedTotal))
    }

    func offsetLag(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: rows.map { ($0.time, Double($0.offsetLagSum)) })
    }

    func concurrency(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: rows.map { ($0.time, Double($0.concurrencyMax)) })
    }

    func pollers(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: rows.map { ($0.time, Double($0.pollers)) })
    }

    func errors(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: rows.map { ($0.time, Double($0.errors)) })
    }

    func throttles(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: rows.map { ($0.time, Double($0.throttles)) })
    }

    /// Records dropped in each interval.
    func dropped(name: String, color: String, dash: String?) -> ChartSeries {
        ChartSeries(name: name, color: color, dash: dash, points: perInterval(\.recordsDropped).map { ($0.time, $0.change) })
    }

    /// A running total's change per second over each interval.
    private func ratePerSecond(_ total: KeyPath<TimeSeriesRow, Int64>) -> [(time: SimTime, value: Double)] {
        zip(rows, rows.dropFirst()).filter { $0.time < $1.time }.map { earlier, later in
            (later.time, Double(later[keyPath: total] - earlier[keyPath: total]) / Ticks.toSeconds(later.time - earlier.time))
        }
    }

    /// A running total's change over each interval; the first sample counts from zero.
    private func perInterval(_ total: KeyPath<TimeSeriesRow, Int64>) -> [(time: SimTime, change: Double)] {
        zip([nil] + rows.map(Optional.some), rows).map { earlier, later in
            (later.time, Double(later[keyPath: total] - (earlier?[keyPath: total] ?? 0)))
        }
    }
}
