import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
import XCTest

/// `plan --robust`: over random seeded workloads and targets, the robust pick meets the
/// target under every member when each member runs it alone, costs no less than the most
/// optimistic member's pick, and nothing cheaper in the space meets the target under all.
final class EnsemblePlanPropertyTests: XCTestCase {
    func testRobustPickMeetsTheTargetUnderEveryMember() throws {
        // Four searches per case (three members alone, then all at once): the release job runs it.
        try LongTest.requireOptimizedBuild()
        let folder = try BuiltCommand.temporaryFolder(self)
        let set = try ProfileSet.load(try EnsembleFixtures.threeMembers(in: folder))
        var random = TestRandom(seed: 16)
        var picked = 0
        for index in 0..<20 {
            let partitions = random.pick([2, 4, 8])
            let workload = """
            {"name": "w\(index)", "seed": \(random.int(1...1_000)), "topic": {"partitions": \(partitions), "backlogRecords": \(random.int(1_000...20_000))},
             "producer": {"recordsPerSecond": \(random.int(0...80)), "durationSeconds": 120, "arrivals": "poisson"},
             "function": {"durationMs": \(random.int(20...200)), "memoryMB": 256},
             "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1}}}
            """
            try BuiltCommand.write(workload, folder, "w\(index).json")
            let target = random.int(120...1_500)
            try BuiltCommand.write("""
            {"workload": "w\(index).json", "target": {"maxDrainSeconds": \(target)},
             "space": {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 2, 4, 8], "MaximumPollers": [8], "BatchSize": [10, 100]}}
            """, folder, "p\(index).json")
            let plan = try CapacityPlan.load(path: folder + "/p\(index).json")
            let result = try EnsemblePlan.search(plan, set: set, robust: true, options: .init(), pricing: PlanTests.pricing)
            let robust = try XCTUnwrap(result.robust)
            if let pick = robust.meeting.first {
                picked += 1
                let scenario = try plan.template.scenario(pick.changes, provisioned: pick.provisioned)
                for member in set.members {
                    let record = try ScenarioRunner.record(scenario, profile: member.profile, options: .init(), pricing: PlanTests.pricing, file: "test")
                    XCTAssertEqual(plan.target.misses(record), [], "case \(index): the robust pick misses under \(member.name)")
                }
                let optimistic = try XCTUnwrap(result.optimistic, "a robust pick meets every member's target, so every member has a pick")
                XCTAssertGreaterThanOrEqual(pick.cost, optimistic.pick.cost, "case \(index)")
            } else {
                XCTAssertTrue(robust.closest.allSatisfy { !$0.meetsTarget })
            }
            // Every setting the robust search ran and found meeting is judged by all members.
            for candidate in robust.outcome.candidates where candidate.meetsTarget {
                XCTAssertNotNil(candidate.worstMember)
            }
            XCTAssertEqual(result.optimisticRisk == nil, result.optimistic == nil, "the optimistic pick is run under every member")
        }
        XCTAssertGreaterThan(picked, 0, "some random target is reachable")

    }

    func testEnsembleOfOnePlansAsTheSingleProfile() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "w.json")
        try BuiltCommand.write(#"{"workload": "w.json", "target": {"maxDrainSeconds": 400}, "space": {"MinimumPollers": [1, 2, 4], "BatchSize": [10, 100]}}"#, folder, "p.json")
        let plan = try CapacityPlan.load(path: folder + "/p.json")
        let profile = try ProfileStore.load("aws-2024")
        let single = PlanReport(plan: plan, outcome: try CapacityPlanner.search(plan, options: .init(), pricing: PlanTests.pricing))
        let set = ProfileSet(name: "one", description: "", members: [.init(name: "aws-2024", profile: profile)])
        let ensemble = try EnsemblePlan.search(plan, set: set, robust: true, options: .init(), pricing: PlanTests.pricing)
        XCTAssertEqual(ensemble.robust?.csv, single.csv)
        XCTAssertEqual(ensemble.memberReports.first?.report.csv, single.csv)
        XCTAssertEqual(ensemble.optimisticRisk?.record, single.meeting.first?.record)
    }
}
