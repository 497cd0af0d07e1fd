import ESMBilling
import ESMModel

/// One run's `summary.csv` row, read by column name, so commands that compare runs keep
/// working when columns are added to the summary.
public struct SummaryRecord: Sendable, Equatable {
    /// The cells, in `RunOutputs.summaryColumns` order.
    public let cells: [String]

    /// The row of a priced run.
    public init(_ summary: RunSummary, cost: CostBreakdown) {
        cells = RunOutputs.summaryCells(summary, cost: cost)
    }

    /// The cell of `column`; nil when the summary has no such column.
    public subscript(column: String) -> String? {
        RunOutputs.summaryColumns.firstIndex(of: column).map { cells[$0] }
    }

    /// The cell of `column` as a number; nil when the column is missing or the cell empty
    /// (a drain time of a run that never drained).
    public func number(_ column: String) -> Double? {
        self[column].flatMap(Double.init)
    }

    /// The summary's drain time column.
    public static let drainTime = "drain_time_s"
    /// The summary's peak offset lag column.
    public static let peakOffsetLag = "peak_offset_lag"
    /// The summary's total cost column.
    public static let totalCost = "total_cost_usd"
    /// The summary's column of the total cost scaled to a 730-hour month.
    public static let monthlyCost = "monthly_cost_usd"
    /// The summary's 99th-percentile record age column.
    public static let recordAgeP99 = "record_age_p99_s"
    /// The summary's final offset lag column.
    public static let finalOffsetLag = "final_offset_lag"
}
