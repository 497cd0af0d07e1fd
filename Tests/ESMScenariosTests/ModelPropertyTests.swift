import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// Properties every run must have, checked on random valid scenarios from a seeded
/// generator: small workloads in both modes, with errors, throttling, hot partitions
/// and Poisson arrivals.
final class ModelPropertyTests: XCTestCase {
    static let profiles = ["aws-2024", "aws-2021"].map { try! ProfileStore.load($0) }

    /// A random valid scenario, small enough to run in milliseconds.
    static func randomScenario(_ random: inout TestRandom) -> [String: Any] {
        var topic: [String: Any] = [
            "partitions": random.int(1...12),
            "recordSizeBytes": random.chance(0.7) ? random.int(100...5_000) as Any
                : ["distribution": "uniform", "low": 200, "high": random.int(300...200_000)] as [String: Any],
            "backlogRecords": random.chance(0.5) ? random.int(0...8_000) : 0,
        ]
        if random.chance(0.3) { topic["hotPartitionShare"] = random.double(0.1, 1) }
        var scenario: [String: Any] = ["topic": topic, "horizonSeconds": random.pick([600, 1_200])]
        if random.chance(0.8) {
            var producer: [String: Any] = random.chance(0.6)
                ? ["recordsPerSecond": random.double(0.5, 40), "durationSeconds": random.int(30...900)]
                : ["schedule": [
                    ["startSeconds": 0, "durationSeconds": random.int(10...300), "recordsPerSecond": random.double(1, 30)],
                    ["startSeconds": 400, "durationSeconds": random.int(10...120), "recordsPerSecond": random.double(20, 120)],
                ]]
            producer["arrivals"] = random.pick(["uniform", "poisson"])
            scenario["producer"] = producer
        }
        if (topic["backlogRecords"] as? Int ?? 0) == 0 && scenario["producer"] == nil { topic["backlogRecords"] = 5_000; scenario["topic"] = topic }
        var function: [String: Any] = [
            "durationMs": random.pick([
                random.double(5, 800) as Any,
                ["distribution": "lognormal", "mu": random.double(2, 5), "sigma": random.double(0.1, 1)] as [String: Any],
                ["baseMs": random.double(1, 50), "perRecordMs": random.double(0, 2)] as [String: Any],
            ]),
        ]
        if random.chance(0.4) { function["errorProbability"] = random.double(0, 0.6) }
        if random.chance(0.4) { function["reservedConcurrency"] = random.int(1...4) }
        var mapping: [String: Any] = [
            "BatchSize": random.pick([1, 10, 100, 500]),
            "MaximumBatchingWindowInSeconds": random.int(0...2),
        ]
        if random.chance(0.3) { mapping["StartingPosition"] = "LATEST" }
        if random.chance(0.5) {
            let minimum = random.int(1...3)
            mapping["ProvisionedPollerConfig"] = ["MinimumPollers": minimum, "MaximumPollers": random.int(minimum...20)]
            // The retry controls exist only in provisioned mode.
            if random.chance(0.4) { mapping["MaximumRetryAttempts"] = random.int(-1...3) }
            if random.chance(0.3) { mapping["MaximumRecordAgeInSeconds"] = random.pick([-1, 60, 120]) }
            if random.chance(0.3) { mapping["BisectBatchOnFunctionError"] = true }
        }
        if random.chance(0.3) { mapping["DestinationConfig"] = ["OnFailure": ["Destination": "arn:aws:sqs:us-east-1:1:q"]] }
        scenario["function"] = function
        scenario["eventSourceMapping"] = mapping
        return scenario
    }

    func testPropertiesHoldForRandomScenarios() throws {
        var random = TestRandom(seed: 2_024)
        for trial in 0..<36 {
            let text = ScenarioJSON.serialise(Self.randomScenario(&random))
            let scenario = try ScenarioJSON.load(text).get()
            let profile = Self.profiles[trial % 2]
            let options = ScenarioRunner.Options(seed: UInt64(trial), sampleInterval: 30 * Ticks.perSecond)
            try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: "random")
            let result = ScenarioRunner.run(scenario, profile: profile, options: options)
            let context = "trial \(trial) (\(profile.name)):\n\(text)"
            checkProperties(result, scenario: scenario, profile: profile, context: context)

            guard trial % 3 == 0 else { continue }
            let again = ScenarioRunner.run(scenario, profile: profile, options: options)
            XCTAssertEqual(RunOutputs.timeSeriesCSV(again.rows), RunOutputs.timeSeriesCSV(result.rows), context)
            XCTAssertEqual(again.summary, result.summary, context)
        }
    }

    /// Conservation, non-negative lag, concurrency and poller bounds, and monotone
    /// committed offsets at every sample.
    func checkProperties(_ result: RunResult, scenario: Scenario, profile: BehaviourProfile, context: String) {
        let partitions = scenario.topic.partitions
        let slots = Int(profile.behaviour(provisioned: scenario.settings.isProvisioned).invocationsPerPoller)
        let floor: Int
        let ceiling: Int
        if let bounds = scenario.settings.provisionedPollers {
            ceiling = min(bounds.maximum, partitions)
            floor = min(bounds.minimum, ceiling)
        } else {
            (floor, ceiling) = (1, partitions)
        }
        XCTAssertFalse(result.rows.isEmpty, context)
        XCTAssertLessThanOrEqual(result.summary.endTime, scenario.horizon, context)
        var previous: TimeSeriesRow?
        for row in result.rows {
            let at = "at \(row.time): \(context)"
            XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped, at)
            XCTAssertGreaterThanOrEqual(row.offsetLagSum, 0, at)
            XCTAssertGreaterThanOrEqual(row.offsetLagMaxPartition, 0, at)
            XCTAssertLessThanOrEqual(row.offsetLagMaxPartition, row.offsetLagSum, at)
            XCTAssertLessThanOrEqual(row.concurrencyMax, partitions, at)
            XCTAssertLessThanOrEqual(row.concurrencyMax, scenario.function.concurrencyLimit, at)
            // Batches in flight during a rebalance finish on their old slots, so the
            // poller count before the interval bounds it too.
            XCTAssertLessThanOrEqual(row.concurrencyMax, slots * max(row.pollers, previous?.pollers ?? row.pollers), at)
            XCTAssertTrue((floor...ceiling).contains(row.pollers), "\(row.pollers) pollers outside \(floor)...\(ceiling) \(at)")
            if let previous {
                XCTAssertGreaterThan(row.time, previous.time, at)
                XCTAssertGreaterThanOrEqual(row.producedTotal, previous.producedTotal, at)
                XCTAssertGreaterThanOrEqual(row.processedTotal + row.recordsDropped, previous.processedTotal + previous.recordsDropped, at)
                XCTAssertGreaterThanOrEqual(row.recordsDropped, previous.recordsDropped, at)
            }
            previous = row
        }
        if result.summary.drained { XCTAssertEqual(result.summary.finalOffsetLag, 0, context) }
        XCTAssertLessThanOrEqual(result.summary.maxConcurrency, min(partitions, scenario.function.concurrencyLimit), context)
    }

    func testDifferentSeedsCanDiffer() throws {
        var random = TestRandom(seed: 7)
        var scenarioObject = Self.randomScenario(&random)
        scenarioObject = ScenarioJSON.setting("producer", to: ["recordsPerSecond": 100, "durationSeconds": 300, "arrivals": "poisson"], in: scenarioObject)
        let scenario = try ScenarioJSON.load(ScenarioJSON.serialise(scenarioObject)).get()
        let first = ScenarioRunner.run(scenario, profile: Self.profiles[0], options: .init(seed: 1))
        let second = ScenarioRunner.run(scenario, profile: Self.profiles[0], options: .init(seed: 2))
        XCTAssertNotEqual(first.rows.map(\.producedTotal), second.rows.map(\.producedTotal))
    }
}
