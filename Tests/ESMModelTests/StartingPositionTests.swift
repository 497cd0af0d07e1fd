@testable import ESMModel
import EventEngine
import XCTest

/// `StartingPosition` `AT_TIMESTAMP`: reading starts at the first record written at or
/// after `StartingPositionTimestamp`.
final class StartingPositionTests: XCTestCase {
    static func run(_ position: ESMSettings.StartingPosition, timestamp: Double? = nil, span: Double = 0) -> RunResult {
        var settings = ESMSettings(startingPosition: position)
        settings.startingPositionTimestamp = timestamp
        var configuration = ModelFixtures.configuration(partitions: 3, backlog: 1_000, rate: 10, seconds: 1_200, settings: settings)
        configuration.topic.backlogSpanSeconds = span
        return ESMSimulation.run(configuration)
    }

    func testAFutureTimestampSkipsTheBacklogAndEarlierProduction() {
        let result = Self.run(.atTimestamp, timestamp: 600)
        // Production records 6,000 (written at exactly 600 s) to 12,000 are read.
        XCTAssertEqual(result.summary.recordsProduced, 6_001)
        XCTAssertEqual(result.summary.recordsProcessed, 6_001)
        XCTAssertTrue(result.summary.drained)
        for row in result.rows where row.time < 600 * Ticks.perSecond {
            XCTAssertEqual(row.producedTotal, 0)
            XCTAssertEqual(row.offsetLagSum, 0)
            XCTAssertEqual(row.invocations, 0)
        }
    }

    func testATimestampInTheBacklogReadsItsNewerPart() {
        // The backlog's 1,000 records were written over the 100 s before time 0: from −30 s
        // on, records 700 to 1,000 (i ≥ 1,000 × 0.7) are read.
        let result = Self.run(.atTimestamp, timestamp: -30, span: 100)
        XCTAssertEqual(result.summary.recordsProduced, 12_000 + 301)
        XCTAssertEqual(result.summary.recordsProcessed, 12_301)
        XCTAssertEqual(ESMSimulation.skippedBacklog(before: 0, backlog: 1_000, span: 100), 999)
        XCTAssertEqual(ESMSimulation.skippedBacklog(before: -100, backlog: 1_000, span: 100), 0)
        XCTAssertEqual(ESMSimulation.skippedBacklog(before: -50, backlog: 1_000, span: 0), 0)
    }

    func testTheEdgesMatchTheOtherPositions() {
        XCTAssertEqual(Self.run(.atTimestamp, timestamp: -100, span: 100), Self.run(.trimHorizon))
        XCTAssertEqual(Self.run(.atTimestamp, timestamp: -5, span: 0), Self.run(.trimHorizon))
        let latest = Self.run(.latest).summary
        let atZero = Self.run(.atTimestamp, timestamp: 0.000_001).summary
        XCTAssertEqual(latest.recordsProduced, atZero.recordsProduced)
    }

    func testLaterTimestampsNeverReadMore() {
        var previous = Int64.max
        for timestamp in stride(from: -120.0, through: 1_300, by: 37) {
            let produced = Self.run(.atTimestamp, timestamp: timestamp, span: 90).summary.recordsProduced
            XCTAssertLessThanOrEqual(produced, previous, "T=\(timestamp)")
            previous = produced
        }
        XCTAssertEqual(previous, 0)
    }
}
