@testable import ESMModel
import EventEngine
import XCTest

/// Retries as documented: a delay between failed attempts (a profile constant),
/// `MaximumRecordAgeInSeconds` giving up on old records, and `BisectBatchOnFunctionError`
/// halving a failed batch.
final class RetrySemanticsTests: XCTestCase {
    static let provisioned = ESMSettings.ProvisionedPollers(minimum: 1, maximum: 1)

    /// A function that always fails, on one partition with a 100 ms function, for an hour.
    func alwaysFailing(retryDelay: Double, settings: ESMSettings) -> RunSummary {
        var profile = ModelFixtures.profile()
        profile.errorRetrySeconds = retryDelay
        let configuration = ModelFixtures.configuration(
            partitions: 1, backlog: 100, durationMs: 100, errorProbability: 1, settings: settings,
            profile: profile, horizonSeconds: 3_600)
        return ESMSimulation.run(configuration).summary
    }

    func testRetryDelaySpacesFailedAttempts() {
        let settings = ESMSettings(provisionedPollers: Self.provisioned)
        let immediate = alwaysFailing(retryDelay: 0, settings: settings)
        let delayed = alwaysFailing(retryDelay: 1, settings: settings)
        // Without a delay every 100 ms is an attempt; with 1 s, every 1.1 s.
        XCTAssertGreaterThan(immediate.invocations, 35_000)
        XCTAssertEqual(Double(delayed.invocations), 3_600 / 1.1, accuracy: 2)
        XCTAssertEqual(delayed.recordsProcessed, 0)
    }

    func testRecordsOlderThanTheMaximumAgeAreGivenUp() {
        var settings = ESMSettings(batchSize: 50, provisionedPollers: Self.provisioned)
        settings.maximumRecordAge = Ticks.seconds(60)
        // Infinite retries: without an age limit the partition never moves.
        let summary = alwaysFailing(retryDelay: 1, settings: settings)
        XCTAssertEqual(summary.recordsDropped, 100)
        XCTAssertEqual(summary.recordsProcessed, 0)
        // Each batch is tried for 60 s (about 55 attempts of 1.1 s), then given up on;
        // the second batch's records are already as old, so it is never invoked.
        XCTAssertNotNil(summary.drainTime)
        XCTAssertEqual(Ticks.toSeconds(summary.drainTime!), 60, accuracy: 2)
        XCTAssertEqual(Double(summary.invocations), 60 / 1.1, accuracy: 2)
    }

    func testYoungRecordsAreUntouchedByTheMaximumAge() {
        var settings = ESMSettings(provisionedPollers: Self.provisioned)
        settings.maximumRecordAge = Ticks.seconds(60)
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, rate: 200, seconds: 600, settings: settings))
        XCTAssertEqual(result.summary.recordsDropped, 0)
        XCTAssertEqual(result.summary.recordsProcessed, 120_000)
    }

    func testBisectHalvesAFailedBatchUntilSingleRecords() {
        var settings = ESMSettings(batchSize: 8, provisionedPollers: Self.provisioned, maximumRetryAttempts: 2)
        let whole = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, backlog: 8, errorProbability: 1, settings: settings)).summary
        XCTAssertEqual(whole.invocations, 3, "one attempt and two retries of the whole batch")
        settings.bisectBatchOnFunctionError = true
        let split = ESMSimulation.run(ModelFixtures.configuration(partitions: 1, backlog: 8, errorProbability: 1, settings: settings)).summary
        // 8 fails, then 4, then 2 (three attempts: given up), its twin 2 (given up),
        // the other 4 (second attempt) splits into two 2s, each given up: 8,4,2,2,4,2,2.
        XCTAssertEqual(split.invocations, 7)
        XCTAssertEqual(split.errors, 7)
        XCTAssertEqual(split.recordsDropped, 8)
    }

    func testBisectKeepsEveryRecordAccountedFor() {
        var settings = ESMSettings(batchSize: 100, provisionedPollers: .init(minimum: 1, maximum: 4), maximumRetryAttempts: 3)
        settings.bisectBatchOnFunctionError = true
        let summary = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 20_000, errorProbability: 0.4, settings: settings)).summary
        XCTAssertEqual(summary.recordsProcessed + summary.recordsDropped, 20_000)
        XCTAssertGreaterThan(summary.recordsDropped, 0)
        XCTAssertGreaterThan(summary.recordsProcessed, 0)
        // A dropped part is at most half a batch once it has been split.
        XCTAssertNotEqual(summary.recordsDropped % 100, 0)
    }
}
