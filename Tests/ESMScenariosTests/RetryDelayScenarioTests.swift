import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMStudies
@testable import ESMBilling
@testable import ESMFormats

/// The shipped profiles wait between failed attempts: a function that always fails is
/// not invoked back to back.
final class RetryDelayScenarioTests: XCTestCase {
    func testAlwaysFailingFunctionIsRetriedAtTheProfilesPace() throws {
        let text = ScenarioJSON.text([
            ("topic.partitions", 10), ("topic.backlogRecords", 10_000), ("producer", nil),
            ("function.durationMs", 100), ("function.errorProbability", 1), ("function.reservedConcurrency", nil),
            // Two pollers of five slots: every partition holds a slot whatever the scaler
            // decides (it sees no throughput from a function that never succeeds).
            ("eventSourceMapping.ProvisionedPollerConfig.MinimumPollers", 2),
            ("eventSourceMapping.ProvisionedPollerConfig.MaximumPollers", 10),
            ("horizonSeconds", 3_600),
        ])
        let scenario = try ScenarioJSON.load(text).get()
        for name in ["aws-2024", "aws-2021"] {
            let profile = try ProfileStore.load(name)
            XCTAssertGreaterThan(profile.errorRetrySeconds, 0, name)
            let summary = ScenarioRunner.run(scenario, profile: profile, options: .init()).summary
            // Ten partitions, each at most one attempt per (function + retry delay).
            let bound = 10 * 3_600 / (0.1 + profile.errorRetrySeconds) + 10
            XCTAssertLessThanOrEqual(Double(summary.invocations), bound, name)
            XCTAssertGreaterThan(Double(summary.invocations), 0.8 * bound, name)
            XCTAssertEqual(summary.recordsProcessed, 0, name)
        }
    }
}
