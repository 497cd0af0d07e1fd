@testable import ESMModel
import EventEngine
import XCTest

/// The three batch triggers: BatchSize, the batching window, and the 6 MB payload.
final class BatchingTests: XCTestCase {
    func testFullBatchesWhenRecordsAreWaiting() {
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 2, backlog: 10_000, settings: ESMSettings(batchSize: 100)))
        XCTAssertEqual(result.summary.recordsProcessed, 10_000)
        XCTAssertEqual(result.summary.invocations, 100, "10,000 records in batches of exactly 100")
    }

    func testWindowSendsPartialBatches() {
        // 4 records/s on one partition, a 1 s window, BatchSize 100: the window, not the
        // size, closes each batch. The window opens at a batch's first record and the record
        // arriving exactly as it closes still makes it in, so batches hold 5 records.
        var settings = ESMSettings(batchSize: 100, batchingWindow: Ticks.seconds(1))
        settings.startingPosition = .trimHorizon
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, rate: 4, seconds: 600, settings: settings))
        XCTAssertEqual(result.summary.recordsProcessed, 2_400)
        let perBatch = Double(result.summary.recordsProcessed) / Double(result.summary.invocations)
        XCTAssertEqual(perBatch, 5, accuracy: 0.2)
    }

    func testZeroWindowInvokesWithWhateverIsThere() {
        let settings = ESMSettings(batchSize: 100, batchingWindow: 0)
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, rate: 4, seconds: 600, durationMs: 10, settings: settings))
        XCTAssertEqual(result.summary.recordsProcessed, 2_400)
        XCTAssertEqual(result.summary.invocations, 2_400, "each record is fetched as soon as it arrives")
    }

    func testPayloadLimitCapsBatches() {
        // 1 MiB records: only 6 fit in the 6 MB (6,291,456-byte) payload.
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 1, backlog: 600, recordSize: .constant(1_048_576), settings: ESMSettings(batchSize: 100)))
        XCTAssertEqual(result.summary.invocations, 100)
        XCTAssertEqual(result.summary.recordsProcessed, 600)
    }

    func testPayloadLimitWithVariableRecordSizes() {
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 1, backlog: 6_000, recordSize: .uniform(low: 500_000, high: 1_500_000), settings: ESMSettings(batchSize: 100)))
        XCTAssertEqual(result.summary.recordsProcessed, 6_000)
        XCTAssertGreaterThanOrEqual(result.summary.invocations, 1_000, "no batch goes over the payload limit on average")
    }

    func testLatestSkipsTheBacklog() {
        let settings = ESMSettings(startingPosition: .latest)
        let result = ESMSimulation.run(ModelFixtures.configuration(backlog: 1_000, rate: 10, seconds: 60, settings: settings))
        XCTAssertEqual(result.summary.recordsProduced, 600)
        XCTAssertEqual(result.summary.recordsProcessed, 600)
        XCTAssertEqual(result.rows.first?.offsetLagSum, 0)
    }
}
