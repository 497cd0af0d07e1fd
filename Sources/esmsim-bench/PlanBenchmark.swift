import Dispatch
import ESMBilling
import ESMScenarios
import ESMStudies
import Foundation

/// The plan case: `CapacityPlanner.search`, on all cores, over minute-by-minute traffic
/// (the `month` case's workload; a week is 10,080 schedule pieces) and a space of 512
/// valid configurations, for the cheapest setting whose peak offset lag stays under
/// `maxPeakOffsetLag`.
enum PlanBenchmark {
    /// The space: 4 batch sizes x 2 batching windows x (on-demand + 8 x 2 poller bounds,
    /// less the 2 with MinimumPollers above MaximumPollers) x 4 memory sizes.
    static let space = """
    {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 2, 5, 10, 20, 30, 50, 100], "MaximumPollers": [50, 100],
     "BatchSize": [100, 500, 1000, 2000], "MaximumBatchingWindowInSeconds": [0, 1], "memoryMB": [512, 1024, 1769, 2048]}
    """

    /// About 10 s of the busiest minute's traffic.
    static let maxPeakOffsetLag = 90_000

    /// Searches the plan over `hours` of traffic (`exhaustive`: every setting to its end,
    /// the reference) and reports the configurations, simulations, runs stopped early and
    /// the pick. Loading the plan (and its schedule) is timed with the search.
    static func run(hours: Int, exhaustive: Bool) -> Measurement {
        let workload = BenchmarkCases.minuteTrafficScenario(minutes: hours * 60, description: "benchmark: \(hours) h of minute traffic for a plan")
        let json = #"{"description": "benchmark plan", "workload": \#(workload), "target": {"maxPeakOffsetLag": \#(maxPeakOffsetLag)}, "space": \#(space)}"#
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("esmsim-bench-plan-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.json").path
        try! Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try! PriceList.load(path: nil)
        let pricing = Pricing(prices: try! loaded.list.prices(for: PriceList.defaultRegion, file: loaded.file), freeTier: false)
        let start = DispatchTime.now()
        let plan: CapacityPlan
        let outcome: CapacityPlanner.Outcome
        do {
            plan = try CapacityPlan.load(path: path)
            outcome = try CapacityPlanner.search(plan, options: .init(), pricing: pricing, exhaustive: exhaustive)
        } catch {
            fatalError("benchmark plan failed: \(error)")
        }
        let elapsed = BenchmarkCases.seconds(since: start)
        let report = PlanReport(plan: plan, outcome: outcome)
        let pick = report.meeting.first.map { $0.settings.joined(separator: " ") } ?? "none"
        // Memory only prices a run here, so the 512 MB candidates are the simulations.
        let simulated = outcome.candidates.filter { $0.settings[5] == "512" }
        let events = simulated.reduce(0) { $0 + Int($1.record.number("simulated_events") ?? 0) }
        let simulatedHours = simulated.reduce(0.0) { $0 + ($1.record.number("end_time_s") ?? 0) } / 3_600
        let way = exhaustive ? "every setting to its end" : "searched"
        return Measurement(
            name: "plan, \(hours) h of minute traffic, \(outcome.configurations) configurations (\(way))", events: events, wallSeconds: elapsed,
            note: "\(outcome.simulations) simulations (\(simulated.filter(\.isPartial).count) stopped early), \(String(format: "%.0f", simulatedHours)) simulated hours; \(report.meeting.count) meet; pick \(pick)")
    }
}
