import ESMFormats
import ESMModel
import EventEngine

/// A figure that can be read off a run and compared with an observation.
public enum ObservedMetric: Equatable, Sendable, CustomStringConvertible {
    /// Seconds until drained (the horizon when it never drains).
    case drainTime
    /// Seconds until concurrency first reached its maximum.
    case timeToMaxConcurrency
    /// The most concurrent executions.
    case maxConcurrency
    /// The largest offset lag.
    case peakOffsetLag
    /// The mean sampled offset lag.
    case meanOffsetLag
    /// Records processed by a time (`processed_total@900`).
    case processedBy(SimTime)
    /// The most concurrent executions up to a time (`concurrency_max_until@900`).
    case maxConcurrencyUntil(SimTime)
    /// The offset lag summed over partitions at a time (`offset_lag@3600`): the last sample
    /// at or before it, as one reading of CloudWatch's OffsetLag.
    case offsetLagAt(SimTime)
    /// Seconds from draining to the last change of the poller count.
    case scaleDownAfterDrain
    /// Seconds until the lag is back under 1 % of its peak (`caught_up_time_s`; the run's
    /// end when it never is).
    case caughtUpTime
    /// A percentile of the sampled offset lag (`offset_lag_p95`).
    case offsetLagPercentile(Int)
    /// A whole observed time series of a CloudWatch metric, compared point by point
    /// (written as the metric's name, with the series file as the observed value).
    case series(SeriesMetric)

    /// The names `parse` accepts, for messages.
    public static let names = [
        "drain_time_s", "time_to_max_concurrency_s", "max_concurrency", "peak_offset_lag", "mean_offset_lag",
        "processed_total@SECONDS", "concurrency_max_until@SECONDS", "offset_lag@SECONDS", "scale_down_after_drain_s",
        "caught_up_time_s", "offset_lag_p50", "offset_lag_p95", "offset_lag_p99",
    ] + SeriesMetric.names.map { "\($0) (a series file)" }

    /// Parses a metric name as written in observation files.
    public static func parse(_ text: String) -> ObservedMetric? {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard let seconds = Double(parts[1]), seconds >= 0 else { return nil }
            switch parts[0] {
            case "processed_total": return .processedBy(Ticks.seconds(seconds))
            case "concurrency_max_until": return .maxConcurrencyUntil(Ticks.seconds(seconds))
            case "offset_lag": return .offsetLagAt(Ticks.seconds(seconds))
            default: return nil
            }
        }
        switch text {
        case "drain_time_s": return .drainTime
        case "time_to_max_concurrency_s": return .timeToMaxConcurrency
        case "max_concurrency": return .maxConcurrency
        case "peak_offset_lag": return .peakOffsetLag
        case "mean_offset_lag": return .meanOffsetLag
        case "scale_down_after_drain_s": return .scaleDownAfterDrain
        case "caught_up_time_s": return .caughtUpTime
        case "offset_lag_p50": return .offsetLagPercentile(50)
        case "offset_lag_p95": return .offsetLagPercentile(95)
        case "offset_lag_p99": return .offsetLagPercentile(99)
        default: return SeriesMetric.parse(text).map(ObservedMetric.series)
        }
    }

    /// The name as written in observation files.
    public var description: String {
        switch self {
        case .drainTime: return "drain_time_s"
        case .timeToMaxConcurrency: return "time_to_max_concurrency_s"
        case .maxConcurrency: return "max_concurrency"
        case .peakOffsetLag: return "peak_offset_lag"
        case .meanOffsetLag: return "mean_offset_lag"
        case .processedBy(let time): return "processed_total@\(CSVFormat.seconds(time))"
        case .maxConcurrencyUntil(let time): return "concurrency_max_until@\(CSVFormat.seconds(time))"
        case .offsetLagAt(let time): return "offset_lag@\(CSVFormat.seconds(time))"
        case .scaleDownAfterDrain: return "scale_down_after_drain_s"
        case .caughtUpTime: return "caught_up_time_s"
        case .offsetLagPercentile(let percent): return "offset_lag_p\(percent)"
        case .series(let metric): return metric.rawValue
        }
    }

    /// Whether this is a whole series rather than one figure.
    public var isSeries: Bool {
        if case .series = self { return true }
        return false
    }

    /// The metric's value in `result`.
    public func value(in result: RunResult) -> Double {
        let summary = result.summary
        switch self {
        case .drainTime:
            return Ticks.toSeconds(summary.drainTime ?? summary.endTime)
        case .timeToMaxConcurrency:
            return Ticks.toSeconds(summary.timeToMaxConcurrency)
        case .maxConcurrency:
            return Double(summary.maxConcurrency)
        case .peakOffsetLag:
            return Double(summary.peakOffsetLag)
        case .meanOffsetLag:
            return summary.meanOffsetLag
        case .processedBy(let time):
            return Double(result.rows.last { $0.time <= time }?.processedTotal ?? 0)
        case .maxConcurrencyUntil(let time):
            return Double(result.rows.filter { $0.time <= time }.map(\.concurrencyMax).max() ?? 0)
        case .offsetLagAt(let time):
            return Double(result.rows.last { $0.time <= time }?.offsetLagSum ?? 0)
        case .scaleDownAfterDrain:
            guard let drain = summary.drainTime else { return Ticks.toSeconds(summary.endTime) }
            return Ticks.toSeconds(max(0, summary.lastPollerChange - drain))
        case .caughtUpTime:
            return Ticks.toSeconds(summary.caughtUpTime ?? summary.endTime)
        case .offsetLagPercentile(let percent):
            return Double(percent == 50 ? summary.offsetLagP50 : percent == 95 ? summary.offsetLagP95 : summary.offsetLagP99)
        case .series(let metric):
            // A series is compared point by point (`SeriesComparison`); alone, its peak.
            return result.rows.map(metric.value(of:)).max() ?? 0
        }
    }
}
