import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats

/// The settings of issue 14 on random valid scenarios: filters, AT_TIMESTAMP starts and
/// key skew keep records conserved and the `EventCount` metrics consistent.
final class MappingSettingsPropertyTests: XCTestCase {
    /// `ModelPropertyTests`' random scenario with random filters, starting timestamp and skew.
    static func randomScenario(_ random: inout TestRandom) -> [String: Any] {
        var scenario = ModelPropertyTests.randomScenario(&random)
        var topic = scenario["topic"] as? [String: Any] ?? [:]
        var mapping = scenario["eventSourceMapping"] as? [String: Any] ?? [:]
        let partitions = topic["partitions"] as? Int ?? 1
        if random.chance(0.5) {
            let filters = (0..<random.int(1...3)).map { _ in
                ["Pattern": #"{"value": {"kind": ["a"]}}"#, "matchShare": random.double(0, 1)] as [String: Any]
            }
            mapping["FilterCriteria"] = random.chance(0.2) ? ["Filters": filters, "matchShare": 1.0] : ["Filters": filters]
        }
        if random.chance(0.4) {
            mapping["StartingPosition"] = "AT_TIMESTAMP"
            topic["backlogSpanSeconds"] = random.int(1...600)
            mapping["StartingPositionTimestamp"] = random.double(-700, 700)
        }
        if topic["hotPartitionShare"] == nil {
            switch random.int(0...2) {
            case 0: topic["keyDistribution"] = ["distribution": "zipf", "s": random.double(0, 2), "keys": random.int(1...2_000)]
            case 1: topic["partitionWeights"] = (0..<partitions).map { _ in random.chance(0.2) ? 0 : random.double(0.1, 5) }
            default: break
            }
            if let weights = topic["partitionWeights"] as? [Double], !weights.contains(where: { $0 > 0 }) {
                topic["partitionWeights"] = nil
            }
        }
        scenario["topic"] = topic
        scenario["eventSourceMapping"] = mapping
        return scenario
    }

    func testConservationAndEventCountsOnRandomScenarios() throws {
        var random = TestRandom(seed: 1_414)
        let profile = ModelPropertyTests.profiles[0]
        for trial in 0..<30 {
            let text = ScenarioJSON.serialise(Self.randomScenario(&random))
            let scenario = try ScenarioJSON.load(text).get()
            let options = ScenarioRunner.Options(seed: UInt64(trial), sampleInterval: 30 * Ticks.perSecond)
            let result = ScenarioRunner.run(scenario, profile: profile, options: options)
            let context = "trial \(trial):\n\(text)"
            var committed: Int64 = 0
            var polled: Int64 = 0
            var previous: TimeSeriesRow?
            for row in result.rows {
                committed += row.events.committed
                polled += row.events.polled
                XCTAssertEqual(committed, row.producedTotal - row.offsetLagSum, "at \(row.time): \(context)")
                XCTAssertGreaterThanOrEqual(row.offsetLagSum, 0, context)
                XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped, context)
                XCTAssertLessThanOrEqual(row.offsetLagMaxPartition, row.offsetLagSum, context)
                XCTAssertLessThanOrEqual(committed, polled, context)
                XCTAssertLessThanOrEqual(row.events.filteredOut, row.events.polled, context)
                if let previous { XCTAssertGreaterThanOrEqual(row.producedTotal, previous.producedTotal, context) }
                previous = row
            }
            let events = result.summary.events
            XCTAssertGreaterThanOrEqual(events.invoked + events.filteredOut, result.summary.recordsProcessed + events.failedInvoke, context)
            XCTAssertEqual(events.dropped, result.summary.recordsDropped, context)
            if scenario.settings.filterMatchShare == nil { XCTAssertEqual(events.filteredOut, 0, context) }
            if result.summary.drained {
                XCTAssertEqual(result.summary.finalOffsetLag, 0, context)
                XCTAssertEqual(events.committed, result.summary.recordsProduced, context)
                XCTAssertEqual(events.invoked + events.filteredOut, result.summary.recordsProcessed + events.failedInvoke, context)
                XCTAssertEqual(events.committed, result.summary.recordsProcessed + events.dropped, context)
            }
            if trial % 5 == 0 {
                XCTAssertEqual(ScenarioRunner.run(scenario, profile: profile, options: options).summary, result.summary, context)
            }
        }
    }
}
