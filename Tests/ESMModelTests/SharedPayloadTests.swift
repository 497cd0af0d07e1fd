@testable import ESMModel
import EventEngine
import XCTest

/// Payloads that span partitions: a poller fills one batch from all its partitions.
final class SharedPayloadTests: XCTestCase {
    /// Ten quiet partitions on one poller, a 300 s window and a BatchSize the window's
    /// records never reach, in provisioned mode so the poller count stays at one.
    func quietTopic(partitions: Int = 10, rate: Double = 1, batchSize: Int = 10_000, pollers: Int = 1) -> ModelConfiguration {
        var settings = ESMSettings(batchSize: batchSize, batchingWindow: Ticks.seconds(300))
        settings.provisionedPollers = .init(minimum: pollers, maximum: pollers)
        return ModelConfiguration(
            name: "quiet",
            topic: TopicSpec(partitions: partitions, recordSizeBytes: .constant(1_000), backlogRecords: 0),
            production: ProductionSchedule(
                pieces: [.init(start: 0, end: Ticks.seconds(3_600), recordsPerSecond: rate)], arrivals: .uniform),
            function: FunctionSpec(duration: .distribution(.constant(50))),
            settings: settings, profile: ModelFixtures.profile(), horizon: Ticks.seconds(7_200))
    }

    func testOnePayloadPerWindowForAllThePollersPartitions() {
        // 10 partitions at 0.1 records/s each: one partition alone would send a 30-record
        // batch every 300 s (120 an hour over ten); the shared payload sends one batch of
        // the poller's 300 records per window, about 12 an hour.
        let result = ESMSimulation.run(quietTopic())
        XCTAssertEqual(result.summary.recordsProcessed, 3_600)
        XCTAssertEqual(Double(result.summary.invocations), 12, accuracy: 1.5)
    }

    func testEachPollerSharesOnlyItsOwnPartitions() {
        // Two pollers with five partitions each: two payloads per window.
        let result = ESMSimulation.run(quietTopic(pollers: 2))
        XCTAssertEqual(result.summary.recordsProcessed, 3_600)
        XCTAssertEqual(Double(result.summary.invocations), 24, accuracy: 3)
    }

    func testBatchSizeCountsRecordsAcrossPartitions() {
        // 10 records/s over 10 partitions, BatchSize 100: the pooled records fill a batch
        // every 10 s (a partition alone would take 100 s), 360 an hour, none above 100.
        let result = ESMSimulation.run(quietTopic(rate: 10, batchSize: 100))
        XCTAssertEqual(result.summary.recordsProcessed, 36_000)
        XCTAssertEqual(Double(result.summary.invocations), 360, accuracy: 5)
        XCTAssertLessThan(result.summary.recordAgeP99Seconds, 15, "records wait about one pooled fill, not a partition's 100 s")
    }

    func testOnePartitionPerPollerIsUnchanged() {
        // With one partition per poller nothing is shared: 30 records per window each.
        let result = ESMSimulation.run(quietTopic(pollers: 10))
        XCTAssertEqual(Double(result.summary.invocations), 120, accuracy: 3)
    }
}
