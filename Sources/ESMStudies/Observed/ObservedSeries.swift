import ESMFormats
import ESMModel
import EventEngine

/// An observed CloudWatch series of one metric, as read from a get-metric-data JSON or
/// `timestamp,value` CSV file.
public struct ObservedSeries: Sendable {
    /// What it measures.
    public var metric: SeriesMetric
    /// The points, oldest first.
    public var series: MetricSeries

    /// A series of `metric`.
    public init(metric: SeriesMetric, series: MetricSeries) {
        self.metric = metric
        self.series = series
    }

    /// Reads `reference`: a file, optionally followed by `#Id[,Id...]` to choose
    /// CloudWatch results; `metric` names the metric, or nil to take it from the results'
    /// labels. `folder` resolves a relative file.
    public static func read(_ reference: String, metric: SeriesMetric?, folder: String? = nil) throws(DiagnosticError) -> ObservedSeries {
        let series = try MetricSeriesReader.read(reference: reference, folder: folder)
        let path = series.file
        if let metric {
            // A file whose label names another metric is the wrong file or the wrong name:
            // comparing invocations with lag would give errors in the wrong units. The two
            // lags may stand for each other, since Lambda's OffsetLag is either statistic.
            if let named = SeriesMetric.infer(fromLabel: series.label), named != metric, !(named.isLag && metric.isLag) {
                throw DiagnosticError(Diagnostic(file: path, message: "the series is labelled \"\(series.label)\", which is \(named.rawValue), not \(metric.rawValue); give the file of \(metric.rawValue), or name the metric \(named.rawValue)"))
            }
            return ObservedSeries(metric: metric, series: series)
        }
        guard let inferred = SeriesMetric.infer(fromLabel: series.label) else {
            let named = series.label.isEmpty ? "the file does not name its metric" : "its label \"\(series.label)\" names none of them"
            throw DiagnosticError(Diagnostic(file: path, message: "which metric is this? \(named); name it (\(SeriesMetric.names.joined(separator: ", ")))"))
        }
        return ObservedSeries(metric: inferred, series: series)
    }

    /// The smallest spacing of the points, in ticks; nil for one point.
    public var period: SimTime? { series.period.map { $0 * Ticks.perMillisecond } }

    /// The observed peak value.
    public var peak: Double { series.points.map(\.value).max() ?? 0 }
}
