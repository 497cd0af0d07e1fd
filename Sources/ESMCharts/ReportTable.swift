import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import Foundation

/// The report's summary table, written for people: a row per `summary.csv` column with a
/// plain name and its unit, a column per scenario, numbers with thousands separators,
/// times in minutes and money in dollars to the cent.
///
/// It reads the `summary.csv` cells themselves, so it shows exactly what the CSV says; a
/// column it has no wording for is shown under its CSV name, as written.
enum ReportTable {
    /// How a column's cells are written.
    enum Style: Sendable {
        /// Seconds as minutes; `empty` says what an empty cell (a moment that never came) means.
        case text, count, minutes(empty: String), decimal(places: Int), dollars

        func format(_ cell: String) -> String {
            switch self {
            case .text: cell
            case .count: grouped(cell, places: 0)
            case .minutes(let empty): cell.isEmpty ? empty : minutesText(cell)
            case .decimal(let places): grouped(cell, places: places)
            case .dollars: dollarsText(cell)
            }
        }
    }

    /// How one `summary.csv` column reads in the table.
    struct Row: Sendable {
        var label: String
        var unit: String
        var style: Style
    }

    /// The rows, keyed by CSV column.
    static let rows: [String: Row] = [
        "profile": Row(label: "Behaviour profile", unit: "", style: .text),
        "mode": Row(label: "Scaling mode", unit: "", style: .text),
        "seed": Row(label: "Seed", unit: "", style: .text),
        "records_produced": Row(label: "Records produced", unit: "records", style: .count),
        "records_processed": Row(label: "Records processed", unit: "records", style: .count),
        "drain_time_s": Row(label: "Drain time", unit: "min", style: .minutes(empty: "not drained")),
        "time_to_max_concurrency_s": Row(label: "Time to maximum concurrency", unit: "min", style: .minutes(empty: "")),
        "max_concurrency": Row(label: "Maximum concurrency", unit: "executions", style: .count),
        "peak_offset_lag": Row(label: "Peak offset lag", unit: "records", style: .count),
        "mean_offset_lag": Row(label: "Mean offset lag", unit: "records", style: .count),
        "invocations": Row(label: "Invocations", unit: "invocations", style: .count),
        "errors": Row(label: "Errors", unit: "invocations", style: .count),
        "throttles": Row(label: "Throttles", unit: "attempts", style: .count),
        "records_dropped": Row(label: "Records dropped", unit: "records", style: .count),
        "simulated_events": Row(label: "Simulated events", unit: "events", style: .count),
        "compressed_steps": Row(label: "Compressed steps", unit: "steps", style: .count),
        "final_offset_lag": Row(label: "Offset lag at the end", unit: "records", style: .count),
        "end_time_s": Row(label: "Run end", unit: "min", style: .minutes(empty: "")),
        "record_age_p99_s": Row(label: "Record age, 99th percentile", unit: "s", style: .decimal(places: 2)),
        "caught_up_time_s": Row(label: "Caught up (lag under 1 % of its peak)", unit: "min", style: .minutes(empty: "never")),
        "offset_lag_p50": Row(label: "Offset lag, median", unit: "records", style: .count),
        "offset_lag_p95": Row(label: "Offset lag, 95th percentile", unit: "records", style: .count),
        "offset_lag_p99": Row(label: "Offset lag, 99th percentile", unit: "records", style: .count),
        "cold_starts": Row(label: "Cold starts", unit: "invocations", style: .count),
        "polled_event_count": Row(label: "Events polled (PolledEventCount)", unit: "records", style: .count),
        "filtered_out_event_count": Row(label: "Events filtered out (FilteredOutEventCount)", unit: "records", style: .count),
        "invoked_event_count": Row(label: "Events invoked (InvokedEventCount)", unit: "records", style: .count),
        "failed_invoke_event_count": Row(label: "Events in failed invokes (FailedInvokeEventCount)", unit: "records", style: .count),
        "dropped_event_count": Row(label: "Events dropped (DroppedEventCount)", unit: "records", style: .count),
        "committed_event_count": Row(label: "Events committed (CommittedEventCount)", unit: "records", style: .count),
        "on_failure_destination_delivered_event_count": Row(
            label: "Events sent on failure (OnFailureDestinationDeliveredEventCount)", unit: "records", style: .count),
        "on_failure_destination_delivery_error_count": Row(
            label: "Failed deliveries on failure (OnFailureDestinationDeliveryErrorCount)", unit: "records", style: .count),
        "epu_hours": Row(label: "Event Poller Unit hours", unit: "EPU-hours", style: .decimal(places: 3)),
        "epu_cost_usd": Row(label: "EPU cost", unit: "USD", style: .dollars),
        "lambda_request_cost_usd": Row(label: "Lambda request cost", unit: "USD", style: .dollars),
        "lambda_duration_cost_usd": Row(label: "Lambda duration cost", unit: "USD", style: .dollars),
        "total_cost_usd": Row(label: "Total cost", unit: "USD", style: .dollars),
        "monthly_cost_usd": Row(label: "Monthly cost, projected", unit: "USD", style: .dollars),
        "esmsim_version": Row(label: "esmsim version", unit: "", style: .text),
        "profile_hash": Row(label: "Profile hash", unit: "", style: .text),
    ]

    /// The table as HTML lines.
    static func html(columns: [String], runs: [[String]]) -> [String] {
        var lines = [
            "<table class=\"summary\">", "<thead>",
            "<tr><th>quantity</th><th>unit</th>" + runs.map { "<th>\(Markup.escape(cell($0, "scenario", columns)))</th>" }.joined() + "</tr>",
            "</thead>", "<tbody>",
        ]
        for column in columns where column != "scenario" {
            let row = rows[column] ?? Row(label: column, unit: "", style: .text)
            lines.append("<tr><th data-column=\"\(Markup.escape(column))\">\(Markup.escape(row.label))</th><td class=\"unit\">\(Markup.escape(row.unit))</td>"
                + runs.map { "<td>\(Markup.escape(row.style.format(cell($0, column, columns))))</td>" }.joined() + "</tr>")
        }
        return lines + ["</tbody>", "</table>"]
    }

    private static func cell(_ cells: [String], _ column: String, _ columns: [String]) -> String {
        guard let index = columns.firstIndex(of: column), index < cells.count else { return "" }
        return cells[index]
    }

    /// A CSV number with thousands separators and exactly `places` decimals; text that is not a number stays as it is.
    static func grouped(_ text: String, places: Int) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        let fixed = String(format: "%.\(places)f", value.magnitude)
        let parts = fixed.split(separator: ".", maxSplits: 1)
        let whole = CSVFormat.grouped(Int64(parts[0]) ?? 0)
        let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Seconds from the CSV as minutes to two decimals.
    static func minutesText(_ text: String) -> String {
        guard let seconds = Double(text) else { return text }
        return grouped(String(seconds / 60), places: 2)
    }

    /// Dollars as `MoneyFormat` writes them everywhere else: `$1,332.00`, `$0.0042`.
    static func dollarsText(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return MoneyFormat.dollars(value)
    }
}
