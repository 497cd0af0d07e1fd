import ESMScenarios
import ESMFormats
import EventEngine

/// A plan's answer: the cheapest configurations that meet the target, the cost versus
/// drain-time Pareto front among them, or, when none meets it, the closest ones; as CSV
/// and as tables.
public struct PlanReport: Sendable {
    /// The plan.
    public let plan: CapacityPlan
    /// The search.
    public let outcome: CapacityPlanner.Outcome
    /// Configurations that meet the target, cheapest first (then fastest, then enumeration order).
    public let meeting: [PlanCandidate]
    /// The Pareto front of `meeting` over (cost, drain time), cheapest first.
    public let paretoFront: [PlanCandidate]
    /// Every evaluated configuration, closest to the target first when none meets it.
    public let closest: [PlanCandidate]

    /// Settings columns of `plan.csv` and the tables.
    public static let settingColumns = ["mode", "MinimumPollers", "MaximumPollers", "BatchSize", "MaximumBatchingWindowInSeconds", "memoryMB", "partitions"]

    /// Ranks an outcome.
    public init(plan: CapacityPlan, outcome: CapacityPlanner.Outcome) {
        self.plan = plan
        self.outcome = outcome
        meeting = outcome.candidates.filter(\.meetsTarget).sorted { ($0.cost, $0.drainTime) < ($1.cost, $1.drainTime) || (($0.cost, $0.drainTime) == ($1.cost, $1.drainTime) && $0.order.lexicographicallyPrecedes($1.order)) }
        var front: [PlanCandidate] = []
        for candidate in meeting where candidate.drainTime < (front.last?.drainTime ?? .infinity) {
            front.append(candidate)
        }
        paretoFront = front
        closest = outcome.candidates.sorted { ($0.shortfall, $0.cost) < ($1.shortfall, $1.cost) || (($0.shortfall, $0.cost) == ($1.shortfall, $1.cost) && $0.order.lexicographicallyPrecedes($1.order)) }
    }

    /// The settings cells of a scenario, under `settingColumns`.
    static func settingCells(_ scenario: Scenario) -> [String] {
        let pollers = scenario.settings.provisionedPollers
        return [
            scenario.settings.modeName, pollers.map { String($0.minimum) } ?? "", pollers.map { String($0.maximum) } ?? "",
            String(scenario.settings.batchSize), CSVFormat.seconds(scenario.settings.batchingWindow),
            String(scenario.function.memoryMB), String(scenario.topic.partitions),
        ]
    }

    /// The positions of the summary columns `plan.csv` repeats: all but those the settings
    /// columns already hold (`mode`), so each column appears once.
    static let summaryColumnIndices = RunOutputs.summaryColumns.indices.filter { !settingColumns.contains(RunOutputs.summaryColumns[$0]) }

    /// `plan.csv`: every evaluated configuration (cheapest meeting the target first, then
    /// the rest closest first), whether it meets the target and lies on the Pareto front,
    /// its settings, then the summary columns not among the settings.
    public var csv: String {
        let rows = meeting + closest.filter { !$0.meetsTarget }
        let summaryHeader = Self.summaryColumnIndices.map { RunOutputs.summaryColumns[$0] }
        var lines = [CSVFormat.line(["meets_target", "pareto_front"] + Self.settingColumns + summaryHeader + ["misses"])]
        for candidate in rows {
            let onFront = paretoFront.contains { $0.order == candidate.order }
            let summaryCells = Self.summaryColumnIndices.map { candidate.record.cells[$0] }
            lines.append(CSVFormat.line([candidate.meetsTarget ? "yes" : "no", onFront ? "yes" : "no"] + candidate.settings + summaryCells + [candidate.misses.joined(separator: "; ")]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The readable report: what was searched, then the tables.
    public var text: String {
        var text = "plan \(plan.file): target \(plan.target.description)\n"
        text += "searched \(Plural.count(outcome.configurations, "configuration")) (\(Plural.count(outcome.settings, "setting"))"
        if outcome.configurations != outcome.settings {
            text += plan.durationDependsOnMemory ? " x memory sizes, each run with its duration from durationByMemory" : " x memory sizes priced from one run each"
        }
        text += ") with \(Plural.count(outcome.simulations, "simulation")); \(Plural.count(outcome.prunedInfeasible, "setting")) pruned as unable to meet the target, "
        text += "\(outcome.skippedNoGain) skipped where more pollers stopped shortening the drain\n"
        text += "monthly_cost_usd: each run's total_cost_usd scaled from its simulated span to a 730-hour month\n"
        if meeting.isEmpty {
            text += "\nNO configuration in the space meets the target. Closest:\n"
            text += table(Array(closest.prefix(plan.show)), withMisses: true)
            return text + "\n"
        }
        text += "\n\(meeting.count == 1 ? "1 configuration meets" : "\(CSVFormat.grouped(Int64(meeting.count))) configurations meet") the target. Cheapest:\n"
        text += table(Array(meeting.prefix(plan.show)), withMisses: false)
        text += "\n\nPareto front, cost against drain time (each faster configuration costs more):\n"
        text += table(paretoFront, withMisses: false)
        return text + "\n"
    }

    func table(_ candidates: [PlanCandidate], withMisses: Bool) -> String {
        let metrics = [SummaryRecord.drainTime, SummaryRecord.peakOffsetLag, SummaryRecord.recordAgeP99, SummaryRecord.totalCost, SummaryRecord.monthlyCost]
        let header = ["mode", "min", "max", "batch", "window_s", "memory", "partitions"] + metrics + (withMisses ? ["misses"] : [])
        let rows = candidates.map { candidate in
            candidate.settings.map { $0.isEmpty ? "-" : $0 } + metrics.map { candidate.record[$0].map { $0.isEmpty ? "-" : $0 } ?? "-" }
                + (withMisses ? [candidate.misses.joined(separator: "; ")] : [])
        }
        return TextTable.render(header: header, rows: rows)
    }
}
