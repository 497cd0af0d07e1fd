import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// `esmsim plan`: the search finds what running the whole product finds, with fewer
/// simulations, and says so plainly when nothing meets the target.
final class PlanTests: XCTestCase {
    static let space = #"{"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 2, 4, 8], "MaximumPollers": [4, 8], "BatchSize": [10, 100], "memoryMB": [128, 256]}"#

    func plan(target: String) throws -> (folder: String, plan: CapacityPlan) {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(SweepTests.scenario, folder, "small.json")
        try BuiltCommand.write(#"{"workload": "small.json", "target": \#(target), "space": \#(Self.space), "show": 3}"#, folder, "plan.json")
        return (folder, try CapacityPlan.load(path: folder + "/plan.json"))
    }

    static let pricing = Pricing(prices: try! PriceList.load(path: nil).list.prices(for: PriceList.defaultRegion, file: ""), freeTier: false)

    /// Every configuration of the space run one by one: the cheapest meeting `target`.
    func bruteForceCheapest(_ plan: CapacityPlan) throws -> (settings: [String], cost: String)? {
        let profile = try ScenarioRunner.profile(for: try plan.template.scenario([]), options: .init())
        var best: (settings: [String], cost: Double, text: String)?
        for provisioned in [false, true] {
            for batch in plan.enumerated[0].values {
                for memory in plan.memory!.values {
                    let shared: [ScenarioTemplate.Change] = [(plan.enumerated[0].field, batch), (plan.memory!.field, memory)]
                    let pollerPairs: [[ScenarioTemplate.Change]] = provisioned
                        ? plan.minimumPollers!.values.flatMap { low in plan.maximumPollers!.values.map { [(plan.minimumPollers!.field, low), (plan.maximumPollers!.field, $0)] } }
                        : [[]]
                    for pollers in pollerPairs {
                        guard let scenario = try? plan.template.scenario(shared + pollers, provisioned: provisioned) else { continue }
                        let record = try ScenarioRunner.record(scenario, profile: profile, options: .init(), pricing: Self.pricing, file: "test")
                        let cost = record.number(SummaryRecord.totalCost)!
                        if plan.target.misses(record).isEmpty && cost < (best?.cost ?? .infinity) {
                            best = (PlanReport.settingCells(scenario), cost, record[SummaryRecord.totalCost]!)
                        }
                    }
                }
            }
        }
        return best.map { ($0.settings, $0.text) }
    }

    func testFindsTheCheapestConfigurationWithFewerRuns() throws {
        let (_, plan) = try plan(target: #"{"maxRecordAgeP99Seconds": 6}"#)
        let outcome = try CapacityPlanner.search(plan, options: .init(), pricing: Self.pricing)
        let report = PlanReport(plan: plan, outcome: outcome)
        let expected = try XCTUnwrap(bruteForceCheapest(plan))
        XCTAssertEqual(report.meeting.first?.settings, expected.settings)
        XCTAssertEqual(report.meeting.first?.record[SummaryRecord.totalCost], expected.cost)
        XCTAssertEqual(expected.settings, ["provisioned", "2", "4", "100", "0.5", "128", "8"], "the known cheapest: on-demand and one poller age records too long")
        XCTAssertEqual(outcome.settings, 16)
        XCTAssertEqual(outcome.configurations, 32)
        XCTAssertLessThan(outcome.simulations, outcome.settings)
        XCTAssertGreaterThan(outcome.prunedInfeasible, 0)
        // The front runs from cheapest to fastest, each step cheaper in drain time and dearer.
        let front = report.paretoFront
        XCTAssertEqual(front.first?.settings, expected.settings)
        for (slower, faster) in zip(front, front.dropFirst()) {
            XCTAssertLessThan(faster.drainTime, slower.drainTime)
            XCTAssertGreaterThan(faster.cost, slower.cost)
        }
        XCTAssertTrue(report.text.contains("searched 32 configurations (16 settings"))
        XCTAssertTrue(report.csv.hasPrefix("meets_target,pareto_front,mode,MinimumPollers,MaximumPollers,BatchSize,MaximumBatchingWindowInSeconds,memoryMB,partitions,scenario,"))
    }

    func testImpossibleTargetSaysSoAndShowsTheClosest() throws {
        let (folder, plan) = try plan(target: #"{"maxDrainSeconds": 5}"#)
        let run = try BuiltCommand.run(["plan", "plan.json", "--out", "out"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("NO configuration in the space meets the target. Closest:"), run.output)
        XCTAssertTrue(run.output.contains("drain time"), "the misses column says which limit failed")
        // Both modes' largest settings miss, so each group costs one simulation, stopped at
        // 5 s and, as nothing met the target, run again to its end for the closest.
        XCTAssertTrue(run.output.contains("with 8 simulations; 12 settings pruned"), run.output)
        XCTAssertFalse(run.output.contains("stopped at"), "the closest are shown with full figures")
        let csv = try BuiltCommand.read(folder, "out/plan.csv").split(separator: "\n")
        XCTAssertEqual(csv.count, 1 + 8, "four simulated settings at two memory sizes")
        let header = csv[0].split(separator: ",")
        XCTAssertEqual(Set(header).count, header.count, "each plan.csv column appears once: \(header)")
        XCTAssertEqual(header.filter { $0 == "mode" }.count, 1)
        XCTAssertTrue(csv.dropFirst().allSatisfy { $0.hasPrefix("no,no,") })
        XCTAssertEqual(plan.show, 3)
    }

    func testMemoryOnlyChangesThePrice() throws {
        let (_, plan) = try plan(target: #"{"maxDrainSeconds": 60}"#)
        let profile = try ScenarioRunner.profile(for: try plan.template.scenario([]), options: .init())
        let memory = plan.memory!
        let small = ScenarioRunner.run(try plan.template.scenario([(memory.field, memory.values[0])]), profile: profile, options: .init())
        let large = ScenarioRunner.run(try plan.template.scenario([(memory.field, memory.values[1])]), profile: profile, options: .init())
        XCTAssertEqual(small.summary, large.summary, "the planner prices every memory size from one run")
    }

    func testBadPlanFilesAreReported() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(SweepTests.scenario, folder, "small.json")
        try BuiltCommand.write(#"{"workload": "small.json", "target": {"maxDrain": 5}, "space": {"mode": ["provisionned"], "BatchSize": [0]}}"#, folder, "plan.json")
        let run = try BuiltCommand.run(["plan", "plan.json"], in: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("plan.json:1:51: target.maxDrain: unknown field; expected one of maxDrainSeconds"), run.errors)
        XCTAssertTrue(run.errors.contains("space.mode: expected \"on-demand\" or \"provisioned\""), run.errors)
    }
}
