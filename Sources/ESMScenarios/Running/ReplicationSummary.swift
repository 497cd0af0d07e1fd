import ESMFormats
/// The spread of one configuration's replications (runs that differ only in seed): mean
/// and 95 % confidence interval of drain time and peak offset lag.
public struct ReplicationSummary: Sendable {
    /// Runs summarized.
    public var runs: Int
    /// Runs that drained; the drain-time interval covers these only.
    public var drainedRuns: Int
    /// Drain time in seconds, over drained runs.
    public var drainTime: ConfidenceInterval?
    /// Peak offset lag in records.
    public var peakOffsetLag: ConfidenceInterval?

    /// Summarizes the rows of a configuration's replications.
    public init(_ records: [SummaryRecord]) {
        runs = records.count
        let drains = records.compactMap { $0.number(SummaryRecord.drainTime) }
        drainedRuns = drains.count
        drainTime = ConfidenceInterval(drains)
        peakOffsetLag = ConfidenceInterval(records.compactMap { $0.number(SummaryRecord.peakOffsetLag) })
    }

    /// Columns of `confidence.csv` after a configuration's own columns.
    public static let columns = [
        "replications", "drained_runs",
        "drain_time_s_mean", "drain_time_s_ci95_low", "drain_time_s_ci95_high",
        "peak_offset_lag_mean", "peak_offset_lag_ci95_low", "peak_offset_lag_ci95_high",
    ]

    /// The cells under `columns`; empty where an interval is undefined.
    public var cells: [String] {
        [String(runs), String(drainedRuns)] + Self.cells(drainTime, places: 3) + Self.cells(peakOffsetLag, places: 1)
    }

    /// One line per metric, for a terminal: `drain time 612.3 s (95 % CI 598.1 to 626.5, 5 of 5 runs drained)`.
    public var text: String {
        """
          drain time \(Self.describe(drainTime, unit: " s", places: 1)) (\(drainedRuns) of \(runs) runs drained)
          peak offset lag \(Self.describe(peakOffsetLag, unit: " records", places: 0))
        """
    }

    static func cells(_ interval: ConfidenceInterval?, places: Int) -> [String] {
        guard let interval else { return ["", "", ""] }
        return [interval.mean, interval.low, interval.high].map { $0.map { CSVFormat.decimal($0, places: places) } ?? "" }
    }

    static func describe(_ interval: ConfidenceInterval?, unit: String, places: Int) -> String {
        guard let interval else { return "n/a" }
        let mean = CSVFormat.decimal(interval.mean, places: places)
        guard let low = interval.low, let high = interval.high else { return "\(mean)\(unit) (one run, no interval)" }
        return "mean \(mean)\(unit), 95 % CI \(CSVFormat.decimal(low, places: places)) to \(CSVFormat.decimal(high, places: places))"
    }
}
