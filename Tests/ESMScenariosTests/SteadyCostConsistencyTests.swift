import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// `esmsim cost`'s analytic estimate agrees with what a simulated hour of the same
/// steady workload bills.
final class SteadyCostConsistencyTests: XCTestCase {
    struct Case {
        let label: String
        let recordsPerSecond: Double
        let recordSizeBytes: Double
        let partitions: Int
        let pollers: Int
        let durationMs: Double
        let mappings: Int
    }

    /// Full batches and throughput-bound EPUs; window-bound batches; a poller group.
    let cases = [
        Case(label: "full batches, 30 MB/s on 2 EPUs", recordsPerSecond: 3_000, recordSizeBytes: 10_000, partitions: 10, pollers: 10, durationMs: 100, mappings: 1),
        Case(label: "window-bound batches", recordsPerSecond: 200, recordSizeBytes: 1_024, partitions: 10, pollers: 5, durationMs: 40, mappings: 1),
        Case(label: "ten ESMs in a group", recordsPerSecond: 400, recordSizeBytes: 5_000, partitions: 4, pollers: 2, durationMs: 60, mappings: 10),
    ]

    func scenarioText(_ item: Case) -> String {
        let group = item.mappings > 1 ? ", \"PollerGroupName\": \"shared\"" : ""
        return """
        {"esmsInPollerGroup": \(item.mappings),
         "topic": {"partitions": \(item.partitions), "recordSizeBytes": \(item.recordSizeBytes)},
         "producer": {"recordsPerSecond": \(item.recordsPerSecond), "durationSeconds": 3600},
         "function": {"durationMs": \(item.durationMs), "memoryMB": 1024},
         "eventSourceMapping": {"ProvisionedPollerConfig": {"MinimumPollers": \(item.pollers), "MaximumPollers": \(item.pollers)\(group)}}}
        """
    }

    func testAnalyticHourMatchesASimulatedHour() throws {
        let profile = try ProfileStore.load("aws-2024")
        let loaded = try PriceList.load(path: nil)
        let prices = try loaded.list.prices(for: "us-east-1", file: loaded.file)
        for item in cases {
            let scenario = try ScenarioLoader.parse(scenarioText(item), file: item.label, defaultName: "steady")
            let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
            XCTAssertNotNil(result.summary.drainTime, item.label)
            let simulated = ScenarioRunner.cost(of: result, scenario: scenario, prices: prices, freeTier: false)

            let workload = SteadyWorkload(
                recordsPerSecond: item.recordsPerSecond, recordSizeBytes: item.recordSizeBytes, partitions: item.partitions,
                durationMs: item.durationMs, memoryMB: 1_024, provisionedPollers: item.pollers, mappings: item.mappings,
                grouped: item.mappings > 1, periodSeconds: 3_600)
            let estimate = try workload.estimate(profile: profile)
            let analytic = CostModel.cost(estimate.usage, prices: prices)

            // The simulation bills its EPUs until the run ends (the first sample after it
            // drains, a minute after the hour), and starts on the MinimumPollers floor until the first sample: compare per hour of run.
            let runHours = Ticks.toSeconds(result.summary.endTime) / 3_600
            XCTAssertEqual(simulated.epuCost / runHours, analytic.epuCost, accuracy: analytic.epuCost * 0.02, item.label)
            XCTAssertEqual(simulated.requestCost, analytic.requestCost, accuracy: analytic.requestCost * 0.01, item.label)
            XCTAssertEqual(simulated.durationCost, analytic.durationCost, accuracy: analytic.durationCost * 0.01, item.label)
            let simulatedHourly = simulated.requestCost + simulated.durationCost + simulated.epuCost / runHours
            XCTAssertEqual(simulatedHourly, analytic.total, accuracy: analytic.total * 0.01, item.label)
        }
    }
}
