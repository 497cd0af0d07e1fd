import ESMScenarios
import ESMFormats
import Foundation

/// Compares runs with a baseline: drain time, time to maximum concurrency, peak offset
/// lag and total cost, each allowed to move by a tolerance in either direction (a change
/// for the better is still a change the baseline should record on purpose).
public struct RegressionCheck: Sendable {
    /// The summary columns checked, in table order.
    public static let metrics = ["drain_time_s", "time_to_max_concurrency_s", "peak_offset_lag", "total_cost_usd"]

    /// The default tolerance: runs are deterministic, so this only absorbs floating-point
    /// differences between platforms' math libraries.
    public static let defaultTolerancePercent = 0.5

    /// One metric of one scenario.
    public struct Line: Sendable {
        /// Scenario (file name without `.json`).
        public var scenario: String
        /// Summary column.
        public var metric: String
        /// Baseline cell ("" when the run did not drain; "missing" when the baseline lacks the column).
        public var baseline: String
        /// Current cell.
        public var now: String
        /// `+1.23%`, `0%`, or why no percentage applies.
        public var change: String
        /// Whether the change is within tolerance.
        public var passed: Bool
    }

    /// The tolerance, in percent of the baseline value.
    public let tolerancePercent: Double
    /// Every compared metric, scenarios in the order given, metrics in `metrics` order.
    public private(set) var lines: [Line] = []
    /// Scenarios run but absent from the baseline.
    public private(set) var missingFromBaseline: [String] = []
    /// Baseline rows whose scenario file does not exist.
    public private(set) var orphans: [String] = []

    /// Compares `current` runs with `baseline`. A baseline row for a scenario not run is an
    /// orphan when `scenarioExists` says its file is gone.
    public init(current: [(scenario: String, record: SummaryRecord)], baseline: Baseline, tolerancePercent: Double, scenarioExists: (String) -> Bool) {
        self.tolerancePercent = tolerancePercent
        for (scenario, record) in current {
            guard let row = baseline.row(scenario) else {
                missingFromBaseline.append(scenario)
                continue
            }
            for (metric, old) in zip(Self.metrics, row.values) {
                lines.append(Self.compare(scenario: scenario, metric: metric, baseline: old, now: record[metric], tolerancePercent: tolerancePercent))
            }
        }
        orphans = baseline.rows.map(\.scenario).filter { name in !current.contains { $0.scenario == name } && !scenarioExists(name) }
    }

    /// Whether every metric is within tolerance and baseline and scenarios match.
    public var passed: Bool { lines.allSatisfy(\.passed) && missingFromBaseline.isEmpty && orphans.isEmpty }

    static func compare(scenario: String, metric: String, baseline: String?, now: String?, tolerancePercent: Double) -> Line {
        var line = Line(scenario: scenario, metric: metric, baseline: baseline ?? "missing", now: now ?? "missing", change: "", passed: false)
        guard let baseline, let now else {
            line.change = "not comparable"
            return line
        }
        switch (Double(baseline), Double(now)) {
        case (nil, nil) where baseline.isEmpty && now.isEmpty:
            line.change = "0%"
            line.passed = true
        case (let old?, let new?):
            if old == new {
                line.change = "0%"
                line.passed = true
            } else if old == 0 {
                line.change = "was 0"
            } else {
                let percent = (new - old) / abs(old) * 100
                line.change = (percent > 0 ? "+" : "") + CSVFormat.decimal(percent, places: 2) + "%"
                // Round first so a change printed as the tolerance passes.
                line.passed = abs((percent * 100).rounded() / 100) <= tolerancePercent
            }
        default:
            line.change = baseline.isEmpty ? "now drains" : (now.isEmpty ? "no longer drains" : "not a number")
        }
        return line
    }

    /// The table and what is missing, then a verdict line.
    public func report(baselinePath: String) -> String {
        let show: (String) -> String = { $0.isEmpty ? "-" : $0 }
        var text = TextTable.render(
            header: ["scenario", "metric", "baseline", "now", "change", "result"],
            rows: lines.map { [$0.scenario, $0.metric, show($0.baseline), show($0.now), $0.change, $0.passed ? "ok" : "FAIL"] })
        for scenario in missingFromBaseline {
            text += "\n\(scenario): not in the baseline; add it with esmsim check --update"
        }
        for scenario in orphans {
            text += "\n\(scenario): in the baseline but its scenario file is gone; drop it with esmsim check --update"
        }
        let failed = lines.filter { !$0.passed }.count
        let scenarios = Set(lines.map(\.scenario)).count
        let tolerance = CSVFormat.decimal(tolerancePercent, places: 3)
        if passed {
            text += "\ncheck passed: \(lines.count) metrics of \(scenarios) scenarios within \(tolerance)% of \(baselinePath)"
        } else {
            var reasons: [String] = []
            if failed > 0 { reasons.append("\(failed) of \(lines.count) metrics beyond \(tolerance)%") }
            if !missingFromBaseline.isEmpty { reasons.append("\(missingFromBaseline.count) scenario\(missingFromBaseline.count == 1 ? "" : "s") not in the baseline") }
            if !orphans.isEmpty { reasons.append("\(orphans.count) baseline row\(orphans.count == 1 ? "" : "s") without a scenario") }
            text += "\ncheck FAILED: " + reasons.joined(separator: ", ") + " (\(baselinePath))"
        }
        return text
    }
}
