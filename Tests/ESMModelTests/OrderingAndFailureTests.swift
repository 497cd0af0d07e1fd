@testable import ESMModel
import EventEngine
import XCTest

/// One batch in flight per partition, retries of the identical batch, and throttling.
final class OrderingAndFailureTests: XCTestCase {
    func testAtMostOneBatchInFlightPerPartition() {
        // Plenty of poller slots (provisioned, 3 pollers x 5) and a deep backlog: only the
        // partition count bounds concurrency.
        let settings = ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 3, maximum: 3))
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 3, backlog: 30_000, settings: settings))
        XCTAssertEqual(result.summary.maxConcurrency, 3)
        XCTAssertTrue(result.rows.allSatisfy { $0.concurrencyMax <= 3 })
        XCTAssertEqual(result.summary.invocations, 3_000)
    }

    func testFailedBatchIsRetriedIdenticallyUntilItSucceeds() {
        // Infinite retries: every record is processed exactly once, and every extra
        // invocation is a retry of a whole batch (batches stay exactly BatchSize).
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 2, backlog: 2_000, errorProbability: 0.5, settings: ESMSettings(batchSize: 100)))
        XCTAssertEqual(result.summary.recordsProcessed, 2_000)
        XCTAssertEqual(result.summary.recordsDropped, 0)
        XCTAssertGreaterThan(result.summary.errors, 0)
        XCTAssertEqual(result.summary.invocations, 20 + result.summary.errors)
    }

    func testRetriesExhaustedGoToTheDestination() {
        let settings = ESMSettings(batchSize: 50, maximumRetryAttempts: 2, hasOnFailureDestination: true)
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, backlog: 500, errorProbability: 1, settings: settings))
        XCTAssertEqual(result.summary.recordsProcessed, 0)
        XCTAssertEqual(result.summary.recordsDropped, 500)
        XCTAssertEqual(result.summary.invocations, 30, "10 batches x (1 attempt + 2 retries)")
        XCTAssertNotNil(result.summary.drainTime)
    }

    func testInfiniteRetriesWithDestinationBecomeTheProfileLimit() {
        let settings = ESMSettings(batchSize: 50, maximumRetryAttempts: -1, hasOnFailureDestination: true)
        var profile = ModelFixtures.profile()
        profile.retriesWithDestination = 10
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, backlog: 100, errorProbability: 1, settings: settings, profile: profile))
        XCTAssertEqual(result.summary.invocations, 22)
        XCTAssertEqual(result.summary.recordsDropped, 100)
    }

    func testFailingPartitionMakesNoProgress() {
        // Infinite retries, no destination, always failing: nothing is committed and the
        // run stops at its horizon, not drained.
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 1, backlog: 100, errorProbability: 1, horizonSeconds: 300))
        XCTAssertNil(result.summary.drainTime)
        XCTAssertEqual(result.summary.recordsProcessed, 0)
        XCTAssertEqual(result.summary.finalOffsetLag, 100)
    }

    func testThrottlingAtTheConcurrencyLimit() {
        let settings = ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 2, maximum: 2))
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 10, backlog: 10_000, durationMs: 200, reservedConcurrency: 3, settings: settings))
        XCTAssertEqual(result.summary.maxConcurrency, 3)
        XCTAssertGreaterThan(result.summary.throttles, 0)
        XCTAssertEqual(result.summary.recordsProcessed, 10_000)
        XCTAssertEqual(result.rows.reduce(0) { $0 + $1.throttles }, result.summary.throttles)
    }

    func testOnDemandRemovesPollersWhenThrottled() {
        var profile = ModelFixtures.profile()
        profile.onDemand.initialPollers = 10
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 10, backlog: 200_000, durationMs: 200, reservedConcurrency: 2, profile: profile, horizonSeconds: 600))
        XCTAssertEqual(result.rows.first?.pollers, 10)
        XCTAssertLessThan(result.rows.last!.pollers, 10, "throttling takes pollers away")
    }
}
