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

/// Properties of shared payloads over many random seeded scenarios (the debug build's
/// internal checks also hold every batch to BatchSize and every rider to its lead).
final class SharedPayloadPropertyTests: XCTestCase {
    func testRecordsAreConservedAndNoInvocationPassesBatchSize() {
        var random = RandomStream(seed: 14)
        for run in 0..<16 {
            let partitions = 2 + Int(random.next() % 11)
            let pollers = 1 + Int(random.next() % 3)
            let batchSize = 1 + Int(random.next() % 200)
            var settings = ESMSettings(batchSize: batchSize, batchingWindow: Ticks.seconds(Double(random.next() % 6)))
            if run % 2 == 0 { settings.provisionedPollers = .init(minimum: pollers, maximum: pollers + 1) }
            if run % 3 == 0 { settings.filterMatchShare = 0.3 + 0.7 * random.nextUnit() }
            if run % 4 == 1, settings.isProvisioned { settings.reportBatchItemFailures = true }
            var configuration = ModelFixtures.configuration(
                partitions: partitions, backlog: Int64(random.next() % 500), rate: 0.5 + 40 * random.nextUnit(),
                seconds: 300, arrivals: run % 2 == 0 ? .poisson : .uniform, recordSize: .uniform(low: 200, high: 3_000),
                hotShare: run % 5 == 0 ? 0.5 : 0, settings: settings, seed: UInt64(run + 1), intervalSeconds: 30)
            configuration.function.recordFailureShare = run % 4 == 1 ? 0.01 : 0
            let result = ESMSimulation.run(configuration)
            let summary = result.summary
            XCTAssertTrue(summary.drained, "run \(run)")
            XCTAssertEqual(summary.recordsProduced, summary.recordsProcessed + summary.recordsDropped, "run \(run)")
            XCTAssertLessThanOrEqual(summary.events.invoked, summary.invocations * Int64(batchSize), "run \(run)")
            XCTAssertEqual(
                summary.events.invoked + summary.events.filteredOut,
                summary.recordsProcessed + summary.events.failedInvoke, "run \(run)")
            for row in result.rows {
                XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped, "run \(run) t=\(row.time)")
            }
        }
    }
}
