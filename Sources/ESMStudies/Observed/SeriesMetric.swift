import ESMModel
import EventEngine

/// A CloudWatch metric of an ESM and its function, and the simulated figure that matches it.
///
/// Gauges (lag, concurrency, pollers) are compared as their maximum over each observed
/// period, the statistic to ask CloudWatch for; counts (invocations, throttles) as their
/// sum over the period.
public enum SeriesMetric: String, CaseIterable, Sendable {
    /// `OffsetLag` (topic level) or `SumOffsetLag`: lag summed over partitions.
    case offsetLagSum = "SumOffsetLag"
    /// `MaxOffsetLag`: the largest partition's lag.
    case offsetLagMax = "MaxOffsetLag"
    /// `ConcurrentExecutions` (Maximum).
    case concurrentExecutions = "ConcurrentExecutions"
    /// `ProvisionedPollers` (Maximum).
    case provisionedPollers = "ProvisionedPollers"
    /// `Invocations` (Sum).
    case invocations = "Invocations"
    /// `Throttles` (Sum).
    case throttles = "Throttles"

    /// Names accepted besides the raw values: Lambda's topic-level `OffsetLag` is the sum,
    /// and `OffsetLag:Sum` / `OffsetLag:Max` name the statistic explicitly.
    static let aliases: [(String, SeriesMetric)] = [
        ("OffsetLag:Sum", .offsetLagSum), ("OffsetLag:Max", .offsetLagMax), ("OffsetLag", .offsetLagSum),
    ]

    /// Every name `parse` accepts, for messages.
    public static var names: [String] { ["OffsetLag", "OffsetLag:Max"] + allCases.map(\.rawValue) }

    /// The metric called `name` (case-insensitive).
    public static func parse(_ name: String) -> SeriesMetric? {
        let lowered = name.lowercased()
        return allCases.first { $0.rawValue.lowercased() == lowered } ?? aliases.first { $0.0.lowercased() == lowered }?.1
    }

    /// The metric a CloudWatch label or id names, if it names exactly one.
    public static func infer(fromLabel label: String) -> SeriesMetric? {
        let lowered = label.lowercased()
        for metric in [SeriesMetric.offsetLagMax, .offsetLagSum, .concurrentExecutions, .provisionedPollers, .invocations, .throttles]
        where lowered.contains(metric.rawValue.lowercased()) {
            return metric
        }
        return lowered.contains("offsetlag") ? .offsetLagSum : nil
    }

    /// Whether the metric counts events over a period (summed) rather than gauging a level.
    public var isCount: Bool { self == .invocations || self == .throttles }

    /// Whether it is an offset lag, whose catch-up time can be compared.
    public var isLag: Bool { self == .offsetLagSum || self == .offsetLagMax }

    /// The sampled value of one time series row.
    public func value(of row: TimeSeriesRow) -> Double {
        switch self {
        case .offsetLagSum: return Double(row.offsetLagSum)
        case .offsetLagMax: return Double(row.offsetLagMaxPartition)
        case .concurrentExecutions: return Double(row.concurrencyMax)
        case .provisionedPollers: return Double(row.pollers)
        case .invocations: return Double(row.invocations)
        case .throttles: return Double(row.throttles)
        }
    }

    /// The simulated figure over [start, end): the rows sampled in (start, end], summed
    /// for a count and maximal for a gauge. With no row inside, a gauge reads the first
    /// row after (the last row when the run ended first) and a count is 0 after the run.
    /// - Complexity: O(log rows + rows in the period).
    public func simulated(_ rows: [TimeSeriesRow], from start: SimTime, to end: SimTime) -> Double {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].time <= start { low = middle + 1 } else { high = middle }
        }
        var total = 0.0
        var highest: Double?
        var index = low
        while index < rows.count && rows[index].time <= end {
            let value = value(of: rows[index])
            total += value
            highest = max(highest ?? value, value)
            index += 1
        }
        if isCount { return total }
        if let highest { return highest }
        if low < rows.count { return value(of: rows[low]) }
        return rows.last.map(value(of:)) ?? 0
    }
}
