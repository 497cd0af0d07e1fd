import XCTest
import EventEngine
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies

/// Seeded fuzzing of sweep and plan files, as `ScenarioFuzzTests` fuzzes scenarios:
/// thousands of random mutations, each of which must give a clean `DiagnosticError` (every
/// problem located in the fuzzed file, with a message) or a job that runs and writes what
/// it promised.
final class SweepPlanFuzzTests: XCTestCase {
    static let workload = #"{"name": "fuzz", "topic": {"partitions": 2, "backlogRecords": 3000}, "function": {"durationMs": 20, "memoryMB": 128}, "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 4}}}"#
    static let sweeps = [
        #"{"scenario": \#(workload), "axes": {"BatchSize": [10, 100], "MinimumPollers": [1, 2], "backlogRecords": [1000, 2000]}}"#,
        #"{"description": "d", "scenario": \#(workload), "axes": {"durationMs": [5, 50], "topic.partitions": [1, 3]}}"#,
    ]
    static let plans = [
        #"{"workload": \#(workload), "target": {"maxDrainSeconds": 30, "maxPeakOffsetLag": 5000}, "space": {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 2], "MaximumPollers": [4], "BatchSize": [10, 100], "memoryMB": [128, 256]}, "show": 3}"#,
        #"{"workload": \#(workload), "target": {"maxRecordAgeP99Seconds": 10}, "space": {"MinimumPollers": [1, 3], "partitions": [2, 4], "MaximumBatchingWindowInSeconds": [0, 1]}}"#,
    ]
    /// Short runs and small limits keep every trial to milliseconds; refusals are clean outcomes.
    static let options = ScenarioRunner.Options(horizon: 20 * Ticks.perSecond, limits: RunLimits(maximumEvents: 50_000))
    static let limits = StudyLimits(maximumEvents: 200_000, overheadEventsPerRun: 100, maximumPlanConfigurations: 64)

    /// Every problem points into `file` and says something.
    func assertClean(_ error: DiagnosticError, file: String, _ text: String) {
        XCTAssertFalse(error.problems.isEmpty, text)
        for problem in error.problems {
            XCTAssertEqual(problem.file, file, "\(problem)\n\(text)")
            XCTAssertFalse(problem.message.isEmpty, text)
            XCTAssertFalse(problem.description.contains("Optional("), problem.description)
        }
    }

    /// Mutates `bases` `trials` times into `folder/name` and hands each file to `attempt`,
    /// which throws a `DiagnosticError` to reject it; counts rejected and accepted files.
    func fuzz(_ bases: [String], name: String, seed: UInt64, trials: Int = 600, _ attempt: (String, String, Int, inout TestRandom) throws -> Void) throws -> (rejected: Int, accepted: Int) {
        let folder = try BuiltCommand.temporaryFolder(self)
        let file = folder + "/" + name
        var random = TestRandom(seed: seed)
        var outcomes = (rejected: 0, accepted: 0)
        for trial in 0..<trials {
            let text = ScenarioFuzzTests.mutate(bases[trial % bases.count], &random)
            try BuiltCommand.write(text, folder, name)
            do {
                try attempt(file, text, trial, &random)
                outcomes.accepted += 1
            } catch let error as DiagnosticError {
                assertClean(error, file: file, text)
                outcomes.rejected += 1
            }
        }
        return outcomes
    }

    func testMutatedSweepsFailCleanlyOrRun() throws {
        let outcomes = try fuzz(Self.sweeps, name: "fuzz-sweep.json", seed: 13) { file, text, trial, random in
            let shard = Shard(index: 1, count: random.int(1...3))!
            let sweep = try Sweep.load(path: file)
            XCTAssertLessThanOrEqual(sweep.pointCount, Sweep.maximumPoints, text)
            let job = try SweepJob.prepare(sweep, shard: shard, replications: random.int(1...2), options: Self.options, limits: Self.limits)
            let out = file + "-out-\(trial)"
            let written = try job.write(into: out, options: Self.options, pricing: PlanTests.pricing)
            let rows = try String(contentsOfFile: written[0], encoding: .utf8).split(separator: "\n").count
            XCTAssertEqual(rows, job.runCount + (shard == .whole ? 1 : 3), text)
            try FileManager.default.removeItem(atPath: out)
        }
        XCTAssertGreaterThan(outcomes.rejected, 150)
        XCTAssertGreaterThan(outcomes.accepted, 40)
    }

    func testMutatedPlansFailCleanlyOrSearch() throws {
        let outcomes = try fuzz(Self.plans, name: "fuzz-plan.json", seed: 17) { file, text, _, _ in
            let plan = try CapacityPlan.load(path: file, limits: Self.limits)
            let outcome = try CapacityPlanner.search(plan, options: Self.options, pricing: PlanTests.pricing, limits: Self.limits)
            // A setting runs at most twice: stopped early, then again to its end when nothing meets the target.
            XCTAssertLessThanOrEqual(outcome.simulations, 2 * outcome.settings, text)
            XCTAssertLessThanOrEqual(outcome.candidates.count, outcome.configurations, text)
            XCTAssertFalse(PlanReport(plan: plan, outcome: outcome).csv.isEmpty)
        }
        XCTAssertGreaterThan(outcomes.rejected, 150)
        XCTAssertGreaterThan(outcomes.accepted, 30)
    }
}
