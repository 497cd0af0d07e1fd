import Dispatch
import ESMBilling
import ESMScenarios
import ESMStudies
import EventEngine
import Foundation

/// The plan case: `CapacityPlanner.search` over a week of minute-by-minute traffic (the
/// `month` case's workload, 10,080 schedule pieces) and a space of 544 configurations,
/// on all cores, for the cheapest setting keeping the peak offset lag under 30 s of
/// the busiest minute's traffic.
enum PlanBenchmark {
    /// The space: 4 batch sizes x 2 batching windows x (on-demand + 8 x 2 poller bounds)
    /// x 4 memory sizes.
    static let space = """
    {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 2, 5, 10, 20, 30, 50, 100], "MaximumPollers": [50, 100],
     "BatchSize": [100, 500, 1000, 2000], "MaximumBatchingWindowInSeconds": [0, 1], "memoryMB": [512, 1024, 1769, 2048]}
    """

    /// Searches the plan over `days` days of traffic (`exhaustive`: every setting to its
    /// end, the reference) and reports the configurations, simulations and pick.
    static func run(days: Int, exhaustive: Bool) -> Measurement {
        let workload = BenchmarkCases.minuteTrafficScenario(days: days, description: "benchmark: \(days) days of minute traffic for a plan")
        let json = #"{"description": "benchmark plan", "workload": \#(workload), "target": {"maxPeakOffsetLag": 270000}, "space": \#(space)}"#
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
            var options = ScenarioRunner.Options()
            if let horizon = ProcessInfo.processInfo.environment["PLAN_HORIZON"].flatMap(Double.init) { options.horizon = Ticks.seconds(horizon) }
            let loadedAt = BenchmarkCases.seconds(since: start)
            outcome = try CapacityPlanner.search(plan, options: options, pricing: pricing, exhaustive: exhaustive)
            FileHandle.standardError.write(Data("load \(loadedAt) s\n".utf8))
        } catch {
            fatalError("benchmark plan failed: \(error)")
        }
        let elapsed = BenchmarkCases.seconds(since: start)
        let report = PlanReport(plan: plan, outcome: outcome)
        let pick = report.meeting.first.map { $0.settings.filter { !$0.isEmpty }.joined(separator: "/") } ?? "none"
        // Memory only prices a run here, so the 512 MB candidates are the simulations.
        let events = outcome.candidates.filter { $0.settings[5] == "512" }.reduce(0) { $0 + Int($1.record.number("simulated_events") ?? 0) }
        let way = exhaustive ? "exhaustive" : "pruned"
        return Measurement(name: "plan, \(days) days of minute traffic, \(outcome.configurations) configurations (\(way))", events: outcome.simulations,
                           wallSeconds: elapsed, note: "\(outcome.simulations) simulations; \(report.meeting.count) meet; pick \(pick)")
    }
}
