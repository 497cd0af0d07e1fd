import XCTest
import ESMModel
@testable import ESMScenarios

/// Settings that run but not as written are reported, and only those.
final class ScenarioWarningTests: XCTestCase {
    func scenario(minimumPollers: Int, partitions: Int) throws -> Scenario {
        try ScenarioJSON.load("""
            {"topic": {"partitions": \(partitions), "backlogRecords": 1000}, "function": {"durationMs": 10},
             "eventSourceMapping": {"ProvisionedPollerConfig": {"MinimumPollers": \(minimumPollers), "MaximumPollers": 200}}}
            """).get()
    }

    func testMinimumPollersAbovePartitionsIsReportedAsCapped() throws {
        let warnings = try scenario(minimumPollers: 150, partitions: 100).warnings
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("MinimumPollers (150) is above topic.partitions (100)"), warnings[0])
        XCTAssertTrue(warnings[0].contains("billed for 100"), warnings[0])
    }

    func testMinimumPollersAtThePartitionCountIsQuiet() throws {
        XCTAssertEqual(try scenario(minimumPollers: 100, partitions: 100).warnings, [])
    }
}
