import Foundation
import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios

/// Runs admitted on their compressed estimate run with the event limit as a budget: one
/// that compresses less than estimated stops, says when, and no command writes or
/// reports its partial figures; one that compresses as estimated is unchanged by it.
final class EventBudgetTests: XCTestCase {
    /// Production in three pieces the estimate counts as steady but whose batches (window
    /// 0, durations growing with the batch, 7 pollers for 20 partitions) never repeat
    /// exactly: about 140,000 events estimated, 690,000 batch by batch, and the run needs
    /// more than 300,000.
    static let unsteady = """
        {"topic": {"partitions": 20, "recordSizeBytes": 200},
         "producer": {"arrivals": "uniform", "schedule": [
           {"startSeconds": 0, "durationSeconds": 748, "recordsPerSecond": 1188},
           {"startSeconds": 748, "durationSeconds": 2785, "recordsPerSecond": 1294}]},
         "function": {"durationMs": {"baseMs": 14, "perRecordMs": 1}},
         "eventSourceMapping": {"BatchSize": 100, "MaximumBatchingWindowInSeconds": 0,
           "ProvisionedPollerConfig": {"MinimumPollers": 7, "MaximumPollers": 14}},
         "horizonSeconds": 2500}
        """
    static let budget = 300_000

    static func profile() throws -> BehaviourProfile { try ProfileStore.load("aws-2024") }

    func testARunStopsAtItsBudgetAndSaysWhen() throws {
        try LongTest.requireOptimizedBuild()
        let scenario = try ScenarioJSON.load(Self.unsteady).get()
        let profile = try Self.profile()
        let limits = RunLimits(maximumEvents: Double(Self.budget))
        let configuration = ScenarioRunner.configuration(for: scenario, profile: profile, options: .init(limits: limits))
        let estimate = WorkEstimate(configuration)
        XCTAssertLessThan(estimate.events, Double(Self.budget), "admitted on its compressed estimate")
        XCTAssertGreaterThan(estimate.uncompressedEvents, Double(Self.budget), "too large batch by batch")
        XCTAssertEqual(configuration.eventBudget, Self.budget)
        XCTAssertNoThrow(try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(limits: limits), file: "unsteady.json"))

        let result = ESMSimulation.run(configuration)
        let stoppedAt = try XCTUnwrap(result.summary.eventBudgetSpentAt)
        XCTAssertEqual(result.summary.handledEvents, Self.budget)
        XCTAssertEqual(result.summary.endTime, stoppedAt)
        XCTAssertLessThan(stoppedAt, configuration.horizon)
        XCTAssertThrowsError(try ScenarioRunner.checkFinished(result, file: "unsteady.json", limits: limits)) { error in
            XCTAssertTrue("\(error)".hasPrefix("unsteady.json: stopped at "), "\(error)")
            XCTAssertTrue("\(error)".contains("after 300,000 events, the most a run may handle"), "\(error)")
        }

        // Under a limit it fits batch by batch, it has no budget and runs to its end.
        let roomy = ScenarioRunner.configuration(for: scenario, profile: profile, options: .init(limits: RunLimits(maximumEvents: 5_000_000)))
        XCTAssertNil(roomy.eventBudget)
        let whole = ESMSimulation.run(roomy)
        XCTAssertNil(whole.summary.eventBudgetSpentAt)
        XCTAssertGreaterThan(whole.summary.handledEvents, Self.budget)
        XCTAssertNoThrow(try ScenarioRunner.checkFinished(whole, file: "unsteady.json"))
        // Switched off, compression is not counted on, so the run is refused instead.
        var batchByBatch = ScenarioRunner.Options(limits: limits)
        batchByBatch.compression = false
        XCTAssertNil(ScenarioRunner.configuration(for: scenario, profile: profile, options: batchByBatch).eventBudget)
        XCTAssertThrowsError(try ScenarioRunner.checkSize(of: scenario, profile: profile, options: batchByBatch, file: "unsteady.json"))
    }

    /// Run, compare, sweep and plan all fail the same way, and write nothing.
    func testCommandsWriteNothingWhenARunSpendsItsBudget() throws {
        try LongTest.requireOptimizedBuild()
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.unsteady, folder, "unsteady.json")
        try BuiltCommand.write(#"{"scenario": "unsteady.json", "axes": {"BatchSize": [100, 500]}}"#, folder, "sweep.json")
        try BuiltCommand.write(#"{"workload": "unsteady.json", "target": {"maxDrainSeconds": 3000}, "space": {"mode": ["provisioned"], "MinimumPollers": [7]}}"#, folder, "plan.json")
        let budget = ["--max-events", String(Self.budget)]

        let validate = try BuiltCommand.run(["validate", "unsteady.json"] + budget, in: folder)
        XCTAssertEqual(validate.status, 0, validate.errors)
        XCTAssertTrue(validate.output.contains("unsteady.json: ok (about "), validate.output)
        XCTAssertTrue(validate.output.contains("batch by batch; it runs with a budget of 300,000 events)"), validate.output)

        for (arguments, what) in [
            (["run", "unsteady.json", "--out", "out"], "unsteady.json: stopped at "),
            (["compare", "unsteady.json", "--out", "out"], "unsteady.json: stopped at "),
            (["sweep", "sweep.json", "--out", "out"], "sweep.json: "),
            (["plan", "plan.json", "--out", "out"], "plan.json: the run of mode provisioned"),
        ] {
            let run = try BuiltCommand.run(arguments + budget, in: folder)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.errors)")
            XCTAssertTrue(run.errors.contains(what), "\(arguments): \(run.errors)")
            XCTAssertTrue(run.errors.contains("the most a run may handle"), "\(arguments): \(run.errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"), "\(arguments) wrote out/")
        }
        // Allowed enough events, the same run finishes and writes its files.
        let allowed = try BuiltCommand.run(["run", "unsteady.json", "--out", "out", "--max-events", "5000000"], in: folder)
        XCTAssertEqual(allowed.status, 0, allowed.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/unsteady/summary.csv"))
    }

    /// Progress slices a run at every million events or so; the run, stopped by its
    /// budget or not, is the same as without them.
    func testProgressLeavesTheRunUnchanged() throws {
        try LongTest.requireOptimizedBuild()
        let scenario = try ScenarioJSON.load("""
            {"topic": {"partitions": 100, "recordSizeBytes": 200},
             "producer": {"recordsPerSecond": 50000, "durationSeconds": 3600},
             "function": {"durationMs": 20},
             "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 20, "MaximumPollers": 100}},
             "horizonSeconds": 7200}
            """).get()
        var options = ScenarioRunner.Options(limits: .unlimited)
        options.compression = false
        var configuration = ScenarioRunner.configuration(for: scenario, profile: try Self.profile(), options: options)
        for budget in [nil, 1_500_000, 4_000_000] as [Int?] {
            configuration.eventBudget = budget
            var times: [SimTime] = []
            let heard = ESMSimulation.run(configuration) { times.append($0) }
            let quiet = ESMSimulation.run(configuration)
            if budget == nil { XCTAssertGreaterThan(quiet.summary.handledEvents, 2 * ESMSimulation.progressInterval, "the run spans several slices") }
            XCTAssertEqual(heard.summary, quiet.summary, "budget \(String(describing: budget))")
            XCTAssertEqual(heard.rows, quiet.rows, "budget \(String(describing: budget))")
            XCTAssertFalse(times.isEmpty)
            XCTAssertEqual(times, times.sorted())
            XCTAssertEqual(quiet.summary.eventBudgetSpentAt != nil, budget == 1_500_000)
        }
    }

    /// A budget never changes a run it does not stop: over random scenarios with
    /// production and random budgets, each run either gives the same files as without a
    /// budget, or stops having handled exactly its budget, before its end. (A run that
    /// settled before its budget ran out goes on to the sample that ends it.)
    func testABudgetLeavesEveryRunItDoesNotStopUnchanged() throws {
        let trials = LongTest.cases(optimized: 150, debug: 4)
        var random = TestRandom(seed: 4_242)
        var stopped = 0
        for trial in 0..<trials {
            let json = CompressionPropertyTests.randomTrafficScenario(&random)
            let scenario = try ScenarioJSON.load(ScenarioJSON.serialise(json)).get()
            let profile = ModelPropertyTests.profiles[trial % 2]
            var configuration = ScenarioRunner.configuration(for: scenario, profile: profile, options: .init(seed: UInt64(trial)))
            let free = ESMSimulation.run(configuration)
            XCTAssertNil(free.summary.eventBudgetSpentAt)
            let budget = max(1, Int(Double(free.summary.handledEvents) * random.double(0.3, 1.5)))
            configuration.eventBudget = budget
            let limited = ESMSimulation.run(configuration)
            if let spentAt = limited.summary.eventBudgetSpentAt {
                stopped += 1
                XCTAssertLessThan(budget, free.summary.handledEvents, "trial \(trial)")
                XCTAssertEqual(limited.summary.handledEvents, budget, "trial \(trial)")
                XCTAssertLessThanOrEqual(spentAt, free.summary.endTime, "trial \(trial)")
            } else {
                XCTAssertEqual(RunOutputs.timeSeriesCSV(limited.rows), RunOutputs.timeSeriesCSV(free.rows), "trial \(trial)")
                XCTAssertEqual(limited.summary, free.summary, "trial \(trial)")
            }
        }
        XCTAssertGreaterThan(stopped, 0, "no budget was spent")
        XCTAssertLessThan(stopped, trials, "every budget was spent")
    }
}
