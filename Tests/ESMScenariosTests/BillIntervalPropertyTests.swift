import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMStudies
@testable import ESMBilling
@testable import ESMFormats

/// The bill of a run does not depend on how often its time series is sampled: over
/// random seeded provisioned-mode scenarios (throughput from idle to many EPUs, scaling,
/// errors, throttling, poller groups), every sampling interval gives the same end time,
/// EPU time and cost.
final class BillIntervalPropertyTests: XCTestCase {
    static let profile = try! ProfileStore.load("aws-2024")
    static let prices: RegionPrices = {
        let loaded = try! PriceList.load(path: nil)
        return try! loaded.list.prices(for: "us-east-1", file: loaded.file)
    }()
    static let intervals: [Double] = [1, 7, 60, 300, 86_400]

    /// A random provisioned scenario whose throughput ranges from an idle poller to
    /// several EPUs' worth, small enough to run in milliseconds.
    static func randomScenario(_ random: inout TestRandom) -> [String: Any] {
        let partitions = random.int(1...40)
        let minimum = random.int(1...8)
        var pollers: [String: Any] = ["MinimumPollers": minimum, "MaximumPollers": random.int(minimum...60)]
        var scenario: [String: Any] = [
            "horizonSeconds": random.pick([900, 1_800]),
            "topic": [
                "partitions": partitions,
                "recordSizeBytes": random.pick([random.int(200...2_000), random.int(10_000...200_000)]),
                "backlogRecords": random.chance(0.5) ? random.int(0...40_000) : 0,
            ] as [String: Any],
            "producer": [
                "schedule": [
                    ["startSeconds": 0, "durationSeconds": random.int(30...400), "recordsPerSecond": random.double(1, 400)],
                    ["startSeconds": 500, "durationSeconds": random.int(10...200), "recordsPerSecond": random.double(0, 600)],
                ],
                "arrivals": random.pick(["uniform", "poisson"]),
            ] as [String: Any],
            "function": [
                "durationMs": ["distribution": "lognormal", "mu": random.double(1, 5.5), "sigma": random.double(0.1, 1)],
                "errorProbability": random.chance(0.3) ? random.double(0, 0.3) : 0,
            ] as [String: Any],
        ]
        if random.chance(0.3) {
            scenario = ScenarioJSON.setting("function.reservedConcurrency", to: random.int(1...20), in: scenario)
        }
        if random.chance(0.3) {
            pollers["PollerGroupName"] = "group"
            scenario["esmsInPollerGroup"] = random.int(2...10)
        }
        scenario["eventSourceMapping"] = [
            "BatchSize": random.pick([1, 10, 100, 1_000]),
            "MaximumBatchingWindowInSeconds": random.int(0...2),
            "ProvisionedPollerConfig": pollers,
        ] as [String: Any]
        return scenario
    }

    func testBillDoesNotMoveWithTheSamplingInterval() throws {
        var random = TestRandom(seed: 12)
        var billedAnEPUBeyondTheFloor = 0
        let trials = LongTest.cases(optimized: 200, debug: 8)
        for trial in 0..<trials {
            let text = ScenarioJSON.serialise(Self.randomScenario(&random))
            let scenario = try ScenarioJSON.load(text).get()
            var bills: [(interval: Double, summary: RunSummary, cost: Double)] = []
            for interval in Self.intervals {
                let options = ScenarioRunner.Options(seed: UInt64(trial), sampleInterval: Ticks.seconds(interval))
                let result = ScenarioRunner.run(scenario, profile: Self.profile, options: options)
                let cost = ScenarioRunner.cost(of: result, scenario: scenario, prices: Self.prices, freeTier: false)
                bills.append((interval, result.summary, cost.total))
            }
            let reference = bills[2]
            for bill in bills {
                let context = "trial \(trial), --interval \(bill.interval) vs 60:\n\(text)"
                XCTAssertEqual(bill.summary.endTime, reference.summary.endTime, context)
                XCTAssertEqual(bill.summary.drainTime, reference.summary.drainTime, context)
                XCTAssertEqual(
                    Double(bill.summary.epuSeconds), Double(reference.summary.epuSeconds),
                    accuracy: 0.01 * Double(reference.summary.epuSeconds), context)
                XCTAssertEqual(bill.cost, reference.cost, accuracy: 0.01 * reference.cost, context)
            }
            let floorPollers = scenario.settings.provisionedPollers!.minimum * scenario.mappingsInPollerGroup
            let floorEPUs = EPUPacking(profile: Self.profile).minimumEPUs(minimumPollers: floorPollers)
            if Double(reference.summary.epuSeconds) > Ticks.toSeconds(reference.summary.endTime) * Double(floorEPUs) + 1 {
                billedAnEPUBeyondTheFloor += 1
            }
        }
        // The scenarios must exercise throughput-driven EPUs, not only the floor.
        XCTAssertGreaterThan(billedAnEPUBeyondTheFloor, trials / 5, "only \(billedAnEPUBeyondTheFloor) of \(trials)")
    }
}
