import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMBilling

/// The compressed path (steady cycles advanced in one step) against the batch-by-batch
/// path: `timeseries.csv` and `summary.csv` byte for byte, the `compressed_steps` column
/// aside, which says which path ran.
final class CompressionPropertyTests: XCTestCase {
    /// Both paths' files for one scenario, and the compressed run's steps.
    struct Comparison {
        var compressed: (timeSeries: String, summary: String)
        var batchByBatch: (timeSeries: String, summary: String)
        var steps: Int
        /// Outside moments the compressed run's steps passed.
        var moments: Int
    }

    static func compare(_ scenario: Scenario, profile: BehaviourProfile, options: ScenarioRunner.Options) throws -> Comparison {
        var files: [(String, String)] = []
        var steps = 0, moments = 0
        for compression in [true, false] {
            var options = options
            options.compression = compression
            var result = ScenarioRunner.run(scenario, profile: profile, options: options)
            if compression {
                steps = result.summary.compressedSteps
                moments = result.summary.compressedMoments
            } else {
                XCTAssertEqual(result.summary.compressedSteps, 0, "the switch leaves every batch simulated")
            }
            // Only the column that says which path ran may differ.
            result.summary.compressedSteps = 0
            let cost = try RunOutputTests.cost(result, scenario)
            files.append((RunOutputs.timeSeriesCSV(result.rows), RunOutputs.summaryCSV(result.summary, cost: cost)))
        }
        return Comparison(compressed: files[0], batchByBatch: files[1], steps: steps, moments: moments)
    }

    static func assertSame(_ comparison: Comparison, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(comparison.compressed.summary, comparison.batchByBatch.summary, context, file: file, line: line)
        XCTAssertEqual(comparison.compressed.timeSeries, comparison.batchByBatch.timeSeries, context, file: file, line: line)
    }

    /// A random scenario the compressed path can take: a backlog, fixed durations and
    /// record sizes, sometimes a short burst of production first, hot partitions, a
    /// concurrency limit, either mode and profile; a few with what it must refuse
    /// (errors, random durations or sizes, filters, record ages).
    static func randomScenario(_ random: inout TestRandom) -> [String: Any] {
        var topic: [String: Any] = [
            "partitions": random.pick([1, 2, 3, 5, 8, 12, 20]),
            "recordSizeBytes": random.chance(0.9) ? random.int(100...60_000) as Any
                : ["distribution": "uniform", "low": 200, "high": 2_000] as [String: Any],
            "backlogRecords": random.int(10_000...150_000),
        ]
        if random.chance(0.25) { topic["hotPartitionShare"] = random.double(0.1, 0.9) }
        var scenario: [String: Any] = ["topic": topic, "horizonSeconds": random.pick([900, 1_800])]
        if random.chance(0.3) {
            scenario["producer"] = ["recordsPerSecond": random.double(1, 200), "durationSeconds": random.int(10...200),
                                    "arrivals": random.pick(["uniform", "uniform", "poisson"])]
        }
        var function: [String: Any] = [
            "durationMs": random.chance(0.85)
                ? (random.chance(0.5) ? random.double(5, 900) as Any
                    : ["baseMs": random.double(1, 50), "perRecordMs": random.double(0, 2)] as [String: Any])
                : ["distribution": "lognormal", "mu": random.double(2, 5), "sigma": random.double(0.1, 1)] as [String: Any],
        ]
        if random.chance(0.1) { function["errorProbability"] = random.double(0, 0.3) }
        if random.chance(0.3) { function["reservedConcurrency"] = random.int(1...6) }
        var mapping: [String: Any] = [
            "BatchSize": random.pick([1, 10, 100, 500, 2_000]),
            "MaximumBatchingWindowInSeconds": random.int(0...2),
        ]
        if random.chance(0.6) {
            let minimum = random.int(1...3)
            mapping["ProvisionedPollerConfig"] = ["MinimumPollers": minimum, "MaximumPollers": random.int(minimum...20)]
            if random.chance(0.1) { mapping["MaximumRecordAgeInSeconds"] = random.pick([60, 300]) }
        }
        if random.chance(0.05) { mapping["FilterCriteria"] = ["Filters": [["Pattern": #"{"value": {"kind": ["a"]}}"#, "matchShare": 0.5] as [String: Any]]] }
        scenario["function"] = function
        scenario["eventSourceMapping"] = mapping
        return scenario
    }

    /// Runs `trials` scenarios from `generator` on both paths, alternating the profiles,
    /// and returns how many took a compressed step.
    static func compareRandomRuns(_ trials: Int, seed: UInt64, generator: (inout TestRandom) -> [String: Any]) throws -> Int {
        var random = TestRandom(seed: seed)
        var compressedRuns = 0
        for trial in 0..<trials {
            let text = ScenarioJSON.serialise(generator(&random))
            let scenario = try ScenarioJSON.load(text).get()
            let profile = ModelPropertyTests.profiles[trial % 2]
            let options = ScenarioRunner.Options(seed: UInt64(trial), sampleInterval: random.pick([10, 30, 60]) * Ticks.perSecond)
            try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: "random")
            let comparison = try compare(scenario, profile: profile, options: options)
            assertSame(comparison, "trial \(trial) (\(profile.name)):\n\(text)")
            if comparison.steps > 0 { compressedRuns += 1 }
        }
        return compressedRuns
    }

    func testRandomScenariosGiveTheSameBytesOnBothPaths() throws {
        let trials = LongTest.cases(optimized: 300, debug: 12)
        let compressedRuns = try Self.compareRandomRuns(trials, seed: 17, generator: Self.randomScenario)
        // The generator aims at the compressed path: most runs must take it, or nothing was compared.
        XCTAssertGreaterThanOrEqual(compressedRuns, trials / 3, "only \(compressedRuns) of \(trials) runs were compressed")
    }

    /// A random scenario with uniform production running most of the time: a constant
    /// rate or a schedule of several pieces (some with gaps), mostly within what the
    /// partitions keep up with, whole or fractional rates, sometimes a backlog first,
    /// even, hot or weighted partitions, either mode.
    static func randomTrafficScenario(_ random: inout TestRandom) -> [String: Any] {
        let partitions = random.pick([1, 2, 3, 4, 6, 10, 16])
        var topic: [String: Any] = ["partitions": partitions, "recordSizeBytes": random.int(100...5_000)]
        if random.chance(0.3) { topic["backlogRecords"] = random.int(1_000...40_000) }
        if random.chance(0.15) { topic["hotPartitionShare"] = random.pick([0.2, 0.25, 0.5]) }
        else if random.chance(0.1) && partitions > 1 { topic["partitionWeights"] = (0..<partitions).map { _ in random.pick([1, 2, 4]) } }
        let batchSize = random.pick([1, 10, 50, 100, 500])
        let durationMs = random.double(2, 400)
        // What the partitions work off with a batch in flight each (a second of overhead at most).
        let capacity = Double(partitions * batchSize) / (1 + durationMs / 1_000)
        let rate = { (random: inout TestRandom) -> Any in
            let records = min(capacity * random.double(0.05, random.chance(0.9) ? 0.8 : 3), 3_000)
            return random.chance(0.8) ? max(Int(records), 1) as Any : max(records, 0.5)
        }
        var producer: [String: Any]
        if random.chance(0.5) {
            producer = ["recordsPerSecond": rate(&random), "durationSeconds": random.int(120...1_200)]
        } else {
            var pieces: [[String: Any]] = []
            var start = 0
            for _ in 0..<random.int(2...8) {
                let length = random.int(20...240)
                pieces.append(["startSeconds": start, "durationSeconds": length, "recordsPerSecond": rate(&random)])
                start += length + (random.chance(0.2) ? random.int(1...60) : 0)
            }
            producer = ["schedule": pieces]
        }
        producer["arrivals"] = "uniform"
        var mapping: [String: Any] = ["BatchSize": batchSize, "MaximumBatchingWindowInSeconds": random.pick([0, 0, 1, 2])]
        if random.chance(0.6) {
            let minimum = random.int(1...4)
            mapping["ProvisionedPollerConfig"] = ["MinimumPollers": minimum, "MaximumPollers": random.int(minimum...20)]
        }
        var function: [String: Any] = [
            "durationMs": random.chance(0.7) ? durationMs as Any : ["baseMs": durationMs, "perRecordMs": random.double(0, 0.2)] as [String: Any],
        ]
        if random.chance(0.2) { function["reservedConcurrency"] = random.int(1...8) }
        return ["topic": topic, "producer": producer, "function": function, "eventSourceMapping": mapping,
                "horizonSeconds": random.pick([1_200, 1_800])]
    }

    /// Steady production compresses: the same bytes on both paths, and most runs compressed.
    func testRandomTrafficScenariosGiveTheSameBytesOnBothPaths() throws {
        let trials = LongTest.cases(optimized: 500, debug: 4)
        let compressedRuns = try Self.compareRandomRuns(trials, seed: 1_717, generator: Self.randomTrafficScenario)
        // About half settle into a cycle that repeats exactly; the rest (a batch loop whose
        // length does not divide the arrivals' pattern) keep the batch path.
        XCTAssertGreaterThanOrEqual(compressedRuns, trials * 3 / 10, "only \(compressedRuns) of \(trials) runs with production were compressed")
    }

    /// A random steady stretch that outlasts many samples, scaler readings and metering
    /// periods: several partitions per poller (whose batches differ, so cycles are long),
    /// production at a whole rate for one to three hours, any sampling interval.
    static func randomLongSteadyScenario(_ random: inout TestRandom) -> [String: Any] {
        let partitions = random.pick([2, 4, 6, 8, 12, 20])
        let pollers = max(1, partitions / random.pick([1, 2, 4, 5]))
        let batchSize = random.pick([10, 50, 100])
        let durationMs = random.double(5, 200)
        let capacity = Double(partitions * batchSize) / (1 + durationMs / 1_000)
        let seconds = random.pick([3_600, 7_200, 10_800])
        let rate = max(1, Int(capacity * random.double(0.05, 0.5)) / partitions * partitions)
        var mapping: [String: Any] = ["BatchSize": batchSize]
        if random.chance(0.7) {
            mapping["ProvisionedPollerConfig"] = ["MinimumPollers": pollers, "MaximumPollers": random.int(pollers...partitions)]
        }
        return [
            "topic": ["partitions": partitions, "recordSizeBytes": random.pick([100, 200, 1_000])],
            "producer": ["recordsPerSecond": rate, "durationSeconds": seconds],
            "function": ["durationMs": durationMs.rounded()], "eventSourceMapping": mapping,
            "horizonSeconds": seconds + 1_800,
        ]
    }

    /// Steps pass samples, scaler readings and metering periods: the same bytes on both
    /// paths at every sampling interval, and in many runs a step passed such moments.
    func testStepsThroughSamplesReadingsAndMeteringGiveTheSameBytes() throws {
        let trials = LongTest.cases(optimized: 120, debug: 2)
        var random = TestRandom(seed: 2_026)
        var passingRuns = 0
        for trial in 0..<trials {
            let text = ScenarioJSON.serialise(Self.randomLongSteadyScenario(&random))
            let scenario = try ScenarioJSON.load(text).get()
            let profile = ModelPropertyTests.profiles[trial % 2]
            let interval = random.pick([1, 7, 10, 30, 60, 90, 300])
            let options = ScenarioRunner.Options(seed: UInt64(trial), sampleInterval: Int64(interval) * Ticks.perSecond)
            let comparison = try Self.compare(scenario, profile: profile, options: options)
            Self.assertSame(comparison, "trial \(trial) (\(profile.name), --interval \(interval)):\n\(text)")
            if comparison.moments > 0 { passingRuns += 1 }
        }
        XCTAssertGreaterThanOrEqual(passingRuns, trials / 4, "only \(passingRuns) of \(trials) runs passed an outside moment")
    }

    /// The bench's steady day, cut to an hour: five partitions per poller repeat only every
    /// 34.7 s, more than half the minute between samples, readings and metering periods;
    /// one step passes them all, and the bytes are the batch path's.
    func testTheSteadyDayIsOneStepThroughEveryMinute() throws {
        try LongTest.requireOptimizedBuild()
        let text = """
        {"topic": {"partitions": 100, "recordSizeBytes": 200}, "producer": {"recordsPerSecond": 50000, "durationSeconds": 3600},
         "horizonSeconds": 7200, "function": {"durationMs": 20},
         "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 20, "MaximumPollers": 100}}}
        """
        let scenario = try ScenarioJSON.load(text).get()
        let comparison = try Self.compare(scenario, profile: ModelPropertyTests.profiles[0], options: .init())
        Self.assertSame(comparison, "steady hour")
        XCTAssertEqual(comparison.steps, 1)
        XCTAssertGreaterThan(comparison.moments, 150, "a step passes the hour's samples, readings and metering periods")
    }

    func testEveryShippedScenarioGivesTheSameBytesOnBothPaths() throws {
        try LongTest.requireOptimizedBuild()
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.root + "/Scenarios")
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(names.count, 10)
        for name in names {
            let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(name))
            let profile = try ScenarioRunner.profile(for: scenario, options: .init())
            Self.assertSame(try Self.compare(scenario, profile: profile, options: .init()), name)
        }
    }

    /// The published backlog scenarios, their backlog cut to 2M so a debug build runs them
    /// quickly (the release job runs them whole above): the case compression is for.
    func testTheBacklogScenariosAreCompressedAndUnchanged() throws {
        for name in ["provisioned-blog-min1.json", "provisioned-blog-on-demand.json"] {
            var scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(name))
            scenario.topic.backlogRecords = 2_000_000
            let profile = try ScenarioRunner.profile(for: scenario, options: .init())
            let comparison = try Self.compare(scenario, profile: profile, options: .init())
            Self.assertSame(comparison, name)
            XCTAssertGreaterThan(comparison.steps, 0, "\(name) was not compressed")
        }
    }

    func testRefusedFeaturesKeepTheBatchPath() throws {
        let base: [String: Any] = [
            "topic": ["partitions": 4, "recordSizeBytes": 1_000, "backlogRecords": 40_000],
            "function": ["durationMs": 50], "horizonSeconds": 900,
            "eventSourceMapping": ["BatchSize": 100, "ProvisionedPollerConfig": ["MinimumPollers": 1]],
        ]
        let profile = ModelPropertyTests.profiles[0]
        let plain = try ScenarioJSON.load(ScenarioJSON.serialise(base)).get()
        XCTAssertGreaterThan(try Self.compare(plain, profile: profile, options: .init()).steps, 0)
        var erring = base
        erring["function"] = ["durationMs": 50, "errorProbability": 0.01]
        var aging = base
        aging["eventSourceMapping"] = ["BatchSize": 100, "MaximumRecordAgeInSeconds": 60, "ProvisionedPollerConfig": ["MinimumPollers": 1]]
        for (label, variant) in [("errors", erring), ("record age", aging)] {
            let scenario = try ScenarioJSON.load(ScenarioJSON.serialise(variant)).get()
            let comparison = try Self.compare(scenario, profile: profile, options: .init())
            XCTAssertEqual(comparison.steps, 0, label)
            Self.assertSame(comparison, label)
        }
    }

    /// Thirty days of steady production, 5.5 billion events batch by batch, are admitted
    /// on their compressed estimate and run to their end within the event budget: every
    /// record produced is processed, and the figures repeat the first day's at its scale.
    func testAMonthOfSteadyTrafficRunsWithinItsBudget() throws {
        try LongTest.requireOptimizedBuild()
        func month(days: Int) throws -> Scenario {
            try ScenarioJSON.load("""
                {"topic": {"partitions": 100, "recordSizeBytes": 200},
                 "producer": {"recordsPerSecond": 50000, "durationSeconds": \(days * 86_400)}, "horizonSeconds": \(days * 86_400 + 7_200),
                 "function": {"durationMs": 20},
                 "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 20, "MaximumPollers": 100}}}
                """).get()
        }
        let profile = ModelPropertyTests.profiles[0]
        let scenario = try month(days: 30)
        let configuration = ScenarioRunner.configuration(for: scenario, profile: profile, options: .init())
        let estimate = WorkEstimate(configuration)
        XCTAssertGreaterThan(estimate.uncompressedEvents, RunLimits.standard.maximumEvents, "refused before this round")
        let admitted = try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(), file: "month")
        XCTAssertLessThan(admitted.events, RunLimits.standard.maximumEvents / 10)
        XCTAssertEqual(configuration.eventBudget, Int(RunLimits.standard.maximumEvents))

        let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
        XCTAssertNoThrow(try ScenarioRunner.checkFinished(result, file: "month"))
        XCTAssertLessThan(Double(result.summary.handledEvents), admitted.events)
        XCTAssertEqual(result.summary.recordsProduced, 30 * 86_400 * 50_000)
        XCTAssertEqual(result.summary.recordsProcessed, result.summary.recordsProduced)
        XCTAssertNotNil(result.summary.drainTime)
        // One day, small enough to check batch by batch, has the month's shape.
        let day = ScenarioRunner.run(try month(days: 1), profile: profile, options: .init())
        XCTAssertEqual(result.summary.peakOffsetLag, day.summary.peakOffsetLag)
        XCTAssertEqual(result.summary.maxConcurrency, day.summary.maxConcurrency)
        // Only the first batches and the drain differ from thirty times a day.
        XCTAssertEqual(Double(result.summary.invocations), 30 * Double(day.summary.invocations), accuracy: 1e-6 * Double(result.summary.invocations))
    }

    /// A backlog too large to simulate batch by batch is accepted when it can be
    /// compressed, and refused when compression is switched off.
    func testLimitsCountTheCompressedWork() throws {
        let huge: [String: Any] = [
            "topic": ["partitions": 100, "recordSizeBytes": 100, "backlogRecords": 2_000_000_000],
            "function": ["durationMs": 1], "horizonSeconds": 1_728_000,
            "eventSourceMapping": ["BatchSize": 1, "ProvisionedPollerConfig": ["MinimumPollers": 100]],
        ]
        let scenario = try ScenarioJSON.load(ScenarioJSON.serialise(huge)).get()
        let profile = ModelPropertyTests.profiles[0]
        XCTAssertNoThrow(try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(), file: "huge"))
        var batchByBatch = ScenarioRunner.Options()
        batchByBatch.compression = false
        XCTAssertThrowsError(try ScenarioRunner.checkSize(of: scenario, profile: profile, options: batchByBatch, file: "huge"))
    }
}
