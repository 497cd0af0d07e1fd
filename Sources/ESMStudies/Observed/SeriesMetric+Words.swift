/// How a metric is named on charts and in reports.
extension SeriesMetric {
    /// What the metric measures, as a chart heading starts (`Offset lag, summed over partitions`).
    public var title: String {
        switch self {
        case .offsetLagSum: return "Offset lag, summed over partitions (OffsetLag)"
        case .offsetLagMax: return "Offset lag of the largest partition (MaxOffsetLag)"
        case .concurrentExecutions: return "Concurrent executions (ConcurrentExecutions)"
        case .provisionedPollers: return "Provisioned pollers (ProvisionedPollers)"
        case .invocations: return "Invocations"
        case .throttles: return "Throttles"
        }
    }

    /// The unit of its values, for a value axis.
    public var unit: String {
        switch self {
        case .offsetLagSum, .offsetLagMax: return "records"
        case .concurrentExecutions: return "executions"
        case .provisionedPollers: return "pollers"
        case .invocations: return "invocations"
        case .throttles: return "throttles"
        }
    }

    /// The CloudWatch statistic each period is compared as.
    public var statistic: String { isCount ? "Sum" : "Maximum" }
}
