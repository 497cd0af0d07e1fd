import ESMFormats

/// One summary metric across the members of an ensemble: its smallest, median and
/// largest value and which member gives each end.
///
/// An empty cell (a drain time of a run that never drained) ranks above every number, as
/// never; it is written back as an empty cell.
public struct MetricRange: Sendable, Equatable {
    /// The summary column.
    public var metric: String
    /// The smallest value (infinite: no member reached it).
    public var minimum: Double
    /// The first member, in set order, with the smallest value.
    public var minimumMember: String
    /// The median: the middle value, or the mean of the two middle ones for an even count.
    public var median: Double
    /// The largest value (infinite: some member never reached it).
    public var maximum: Double
    /// The first member, in set order, with the largest value.
    public var maximumMember: String

    /// Spread beyond which members are said to disagree: 10 % of the median. Below it the
    /// members tell the same story within the published figures' own precision (the
    /// 20M-backlog table is read off a graph to about a minute in ten).
    public static let disagreementThreshold = 0.10

    /// The range of `values` (one per member, `nil` for an empty cell) named by `members`.
    public init(metric: String, values: [Double?], members: [String]) {
        precondition(!values.isEmpty && values.count == members.count, "one value per member")
        let ranked = values.map { $0 ?? .infinity }
        let sorted = ranked.sorted()
        self.metric = metric
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        minimumMember = members[ranked.firstIndex(of: minimum)!]
        maximumMember = members[ranked.firstIndex(of: maximum)!]
    }

    /// The width of the range relative to the median: 0 when all members agree, infinite
    /// when some member never reaches what others do or the median is zero and others are not.
    public var spread: Double {
        if minimum == maximum { return 0 }
        guard maximum.isFinite, median.isFinite, median != 0 else { return .infinity }
        return (maximum - minimum) / abs(median)
    }

    /// Whether the members agree: spread within `disagreementThreshold`.
    public var agrees: Bool { spread <= Self.disagreementThreshold }

    /// A value as a cell: empty for infinity (never), else as few decimals as it needs.
    public static func cell(_ value: Double) -> String {
        value.isFinite ? ProfileStore.formatValue(value) : ""
    }

    /// The spread as a cell: a ratio with three decimals, `inf` when unbounded.
    public var spreadCell: String { spread.isFinite ? CSVFormat.decimal(spread, places: 3) : "inf" }

    /// The columns of `cells`.
    public static let columns = ["metric", "min", "min_member", "median", "max", "max_member", "spread", "agree"]

    /// The row under `columns`.
    public var cells: [String] {
        [metric, Self.cell(minimum), minimumMember, Self.cell(median), Self.cell(maximum), maximumMember, spreadCell, agrees ? "yes" : "no"]
    }

    /// The summary columns that are not metrics: they name the run rather than measure it.
    public static let identityColumns: Set<String> = ["scenario", "profile", "mode", "seed", "esmsim_version", "profile_hash"]

    /// The range of every metric column of the members' summary rows, in column order.
    public static func ranges(of records: [SummaryRecord], members: [String]) -> [MetricRange] {
        RunOutputs.summaryColumns.filter { !identityColumns.contains($0) }.map { column in
            MetricRange(metric: column, values: records.map { $0.number(column) }, members: members)
        }
    }
}
