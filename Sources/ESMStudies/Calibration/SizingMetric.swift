import ESMFormats
import ESMScenarios
import ESMModel
import EventEngine

/// A capacity figure of a run, in the units AWS's documented sizing examples use: what a
/// poller delivers once running, and what the EPUs cost per month.
public enum SizingMetric: String, CaseIterable, Sendable {
    /// Records processed per second of the drain, per poller.
    case recordsPerSecondPerPoller = "records_per_second_per_poller"
    /// Records processed per second of the drain, all pollers together.
    case recordsPerSecond = "records_per_second"
    /// Megabytes (10^6 bytes) processed per second of the drain, per poller.
    case megabytesPerSecondPerPoller = "megabytes_per_second_per_poller"
    /// The most concurrent invocations, per poller.
    case concurrentInvocationsPerPoller = "concurrent_invocations_per_poller"
    /// The run's mean EPU count times the pricing page's 720-hour month.
    case epuHoursPerMonth = "epu_hours_per_month"

    /// Hours in the pricing page's month.
    public static let hoursPerMonth = 720.0

    /// The metric's value in `result`, a run of `scenario`.
    ///
    /// Throughput is measured over the drain (the end of the run when it did not drain),
    /// so the example's scenario is a backlog that keeps every poller busy; pollers are
    /// the most the run had.
    public func value(in result: RunResult, scenario: Scenario) -> Double {
        let summary = result.summary
        let seconds = max(Ticks.toSeconds(summary.drainTime ?? summary.endTime), 1e-9)
        let pollers = Double(max(result.rows.map(\.pollers).max() ?? 1, 1))
        let recordsPerSecond = Double(summary.recordsProcessed) / seconds
        switch self {
        case .recordsPerSecondPerPoller:
            return recordsPerSecond / pollers
        case .recordsPerSecond:
            return recordsPerSecond
        case .megabytesPerSecondPerPoller:
            return recordsPerSecond * scenario.topic.recordSizeBytes.mean / 1e6 / pollers
        case .concurrentInvocationsPerPoller:
            return Double(summary.maxConcurrency) / pollers
        case .epuHoursPerMonth:
            let hours = max(Ticks.toSeconds(summary.endTime), 1e-9)
            return Double(summary.epuSeconds) / hours * Self.hoursPerMonth
        }
    }
}
