import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

/// The CSV files of a run: `timeseries.csv` and `summary.csv`.
public enum RunOutputs {
    /// Columns of `timeseries.csv`, in order.
    public static let timeSeriesColumns = [
        "time_s", "produced_total", "processed_total", "offset_lag_sum", "offset_lag_max_partition",
        "concurrency_max", "pollers", "invocations", "errors", "throttles", "records_dropped", "epus",
        "cold_starts",
    ] + EventCounts.columnNames

    /// Columns of `summary.csv`, in order.
    public static let summaryColumns = [
        "scenario", "profile", "mode", "seed", "records_produced", "records_processed", "drain_time_s",
        "time_to_max_concurrency_s", "max_concurrency", "peak_offset_lag", "mean_offset_lag", "invocations",
        "errors", "throttles", "records_dropped", "simulated_events", "compressed_steps", "cold_starts", "final_offset_lag", "end_time_s",
        "record_age_p99_s", "caught_up_time_s", "offset_lag_p50", "offset_lag_p95", "offset_lag_p99",
        "epu_hours", "epu_cost_usd", "lambda_request_cost_usd", "lambda_duration_cost_usd",
        "total_cost_usd", "monthly_cost_usd", "esmsim_version", "profile_hash",
    ] + EventCounts.columnNames

    /// The column of clock time, after `time_s`, in the time series of a run with a clock.
    public static let clockColumn = "clock"

    /// `timeseries.csv` as text; with a `clock`, an ISO 8601 `clock` column follows `time_s`.
    public static func timeSeriesCSV(_ rows: [TimeSeriesRow], clock: RunClock? = nil) -> String {
        var header = timeSeriesColumns
        if clock != nil { header.insert(clockColumn, at: 1) }
        var lines = [CSVFormat.line(header)]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let time = CSVFormat.seconds(row.time)
            let stamp = clock.map { "," + ClockTime.iso8601($0.epochMilliseconds(at: row.time)) } ?? ""
            let cells: [String] = [
                time + stamp, String(row.producedTotal), String(row.processedTotal),
                String(row.offsetLagSum), String(row.offsetLagMaxPartition), String(row.concurrencyMax),
                String(row.pollers), String(row.invocations), String(row.errors), String(row.throttles),
                String(row.recordsDropped), String(row.epus), String(row.coldStarts),
            ]
            lines.append((cells + row.events.values.map { String($0) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary's cells, in `summaryColumns` order; `cost` prices the run. The last three
    /// say what made the row: the month's projected cost, esmsim's version and the profile's hash.
    public static func summaryCells(_ summary: RunSummary, cost: CostBreakdown) -> [String] {
        let cells: [String] = [
            summary.scenario, summary.profile, summary.mode, String(summary.seed),
            String(summary.recordsProduced), String(summary.recordsProcessed),
            summary.drainTime.map(CSVFormat.seconds) ?? "", CSVFormat.seconds(summary.timeToMaxConcurrency),
            String(summary.maxConcurrency), String(summary.peakOffsetLag),
            CSVFormat.decimal(summary.meanOffsetLag, places: 3), String(summary.invocations),
            String(summary.errors), String(summary.throttles), String(summary.recordsDropped),
            String(summary.simulatedEvents), String(summary.compressedSteps), String(summary.coldStarts), String(summary.finalOffsetLag), CSVFormat.seconds(summary.endTime),
            CSVFormat.decimal(summary.recordAgeP99Seconds, places: 3),
            summary.caughtUpTime.map(CSVFormat.seconds) ?? "", String(summary.offsetLagP50),
            String(summary.offsetLagP95), String(summary.offsetLagP99),
            CSVFormat.decimal(cost.epuHours, places: 6), CSVFormat.decimal(cost.epuCost, places: 6),
            CSVFormat.decimal(cost.requestCost, places: 6), CSVFormat.decimal(cost.durationCost, places: 6),
            CSVFormat.decimal(cost.total, places: 6), cost.monthlyTotal.map { CSVFormat.decimal($0, places: 6) } ?? "",
            ESMSimVersion.current, summary.profileHash,
        ]
        return cells + summary.events.values.map { String($0) }
    }

    /// `summary.csv` as text: a header and one row.
    public static func summaryCSV(_ summary: RunSummary, cost: CostBreakdown) -> String {
        CSVFormat.line(summaryColumns) + "\n" + CSVFormat.line(summaryCells(summary, cost: cost)) + "\n"
    }

    /// Writes both files into `folder`.
    public static func write(_ result: RunResult, cost: CostBreakdown, to folder: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(timeSeriesCSV(result.rows, clock: result.clock), to: folder + "/timeseries.csv")
        try AtomicFile.write(summaryCSV(result.summary, cost: cost), to: folder + "/summary.csv")
    }
}
