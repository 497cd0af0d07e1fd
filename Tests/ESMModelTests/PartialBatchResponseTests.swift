@testable import ESMModel
import EventEngine
import XCTest

/// `FunctionResponseTypes: ["ReportBatchItemFailures"]` with records failing one by one
/// (`function.recordFailureShare`), and the on-failure destination's delivery failures.
final class PartialBatchResponseTests: XCTestCase {
    func run(
        share: Double, reporting: Bool, retries: Int = -1, destination: Bool = false, deliveryFailureShare: Double = 0,
        provisioned: Bool = true, seed: UInt64 = 1
    ) -> RunSummary {
        var settings = ESMSettings(batchSize: 100, maximumRetryAttempts: retries, hasOnFailureDestination: destination)
        if provisioned { settings.provisionedPollers = .init(minimum: 2, maximum: 2) }
        settings.reportBatchItemFailures = reporting
        settings.destinationDeliveryFailureShare = deliveryFailureShare
        var configuration = ModelConfiguration.init(
            name: "partial", topic: TopicSpec(partitions: 4, recordSizeBytes: .constant(1_000), backlogRecords: 20_000),
            production: ProductionSchedule(pieces: [], arrivals: .uniform),
            function: FunctionSpec(duration: .distribution(.constant(50))), settings: settings,
            profile: ModelFixtures.profile(), seed: seed)
        configuration.function.recordFailureShare = share
        return ESMSimulation.run(configuration).summary
    }

    func testReportedFailuresRetryOnlyFromTheFirstFailedRecord() {
        let whole = run(share: 0.005, reporting: false)
        let partial = run(share: 0.005, reporting: true)
        for summary in [whole, partial] {
            XCTAssertEqual(summary.recordsProcessed, 20_000, "infinite retries: every record gets through")
            XCTAssertEqual(summary.events.invoked, summary.recordsProcessed + summary.events.failedInvoke)
        }
        // 100-record batches with 0.5 % failing records: about 39 % of attempts fail, and
        // each failure resends the whole batch, or only the records from the failed one.
        XCTAssertGreaterThan(whole.errors, 0)
        XCTAssertEqual(partial.errors, 0, "a partial batch response is a successful invocation")
        XCTAssertLessThan(partial.events.invoked, whole.events.invoked)
        XCTAssertLessThan(partial.events.failedInvoke * 3, whole.events.failedInvoke * 2)
        XCTAssertLessThan(partial.invocations, whole.invocations)
    }

    func testRecordsBeforeTheFailureAreNeverSentAgain() {
        // Every record fails: the first record of each batch is retried until MaximumRetryAttempts
        // (2) runs out, and only the records from it on were ever sent again, which is all of them.
        let summary = run(share: 1, reporting: true, retries: 2, destination: true)
        XCTAssertEqual(summary.recordsDropped, 20_000)
        XCTAssertEqual(summary.invocations, 200 * 3, "each batch: the attempt and two retries")
        XCTAssertEqual(summary.events.invoked, 20_000 * 3)
        XCTAssertEqual(summary.events.onFailureDestinationDelivered, 20_000)
    }

    func testWithoutProvisionedModeAFailedRecordFailsTheInvocation() {
        let summary = run(share: 0.005, reporting: false, provisioned: false)
        XCTAssertGreaterThan(summary.errors, 0)
        XCTAssertEqual(summary.recordsProcessed, 20_000)
    }

    func testDestinationDeliveryFailuresAreTheirShareOfTheDroppedRecords() {
        for seed in UInt64(1)...4 {
            let summary = run(share: 0.02, reporting: seed % 2 == 0, retries: 1, destination: true, deliveryFailureShare: 0.25, seed: seed)
            let dropped = summary.events.dropped
            XCTAssertGreaterThan(dropped, 0)
            XCTAssertEqual(summary.events.onFailureDestinationDeliveryErrors, dropped / 4)
            XCTAssertEqual(summary.events.onFailureDestinationDelivered + summary.events.onFailureDestinationDeliveryErrors, dropped)
        }
        let noDestination = run(share: 0.02, reporting: true, retries: 1)
        XCTAssertGreaterThan(noDestination.events.dropped, 0)
        XCTAssertEqual(noDestination.events.onFailureDestinationDelivered + noDestination.events.onFailureDestinationDeliveryErrors, 0)
    }

    func testRecordsBeforeTheFirstFailureAreCommittedAtOnce() {
        // One partition, one 1,000-record batch, 1 % of records failing, 30 s between
        // attempts: the records before each first failure are committed when it is
        // reported, long before the batch's retries finish.
        var settings = ESMSettings(batchSize: 1_000, provisionedPollers: .init(minimum: 1, maximum: 1))
        settings.reportBatchItemFailures = true
        var profile = ModelFixtures.profile()
        profile.errorRetrySeconds = 30
        var configuration = ModelFixtures.configuration(
            partitions: 1, backlog: 1_000, settings: settings, profile: profile, intervalSeconds: 1)
        configuration.function.recordFailureShare = 0.01
        let result = ESMSimulation.run(configuration)
        XCTAssertEqual(result.summary.recordsProcessed, 1_000)
        XCTAssertGreaterThan(result.summary.invocations, 3, "several failures, each retried from the failed record")
        let firstProgress = result.rows.first { $0.processedTotal > 0 }
        XCTAssertNotNil(firstProgress)
        XCTAssertLessThan(firstProgress?.time ?? .max, Ticks.seconds(30), "committed before the first retry")
        XCTAssertLessThan(firstProgress?.processedTotal ?? 0, 1_000)
        XCTAssertEqual(firstProgress?.offsetLagSum, 1_000 - (firstProgress?.processedTotal ?? 0))
    }
}
