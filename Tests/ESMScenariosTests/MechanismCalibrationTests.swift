import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMStudies
import Foundation
import XCTest

/// The alternative profiles of today's service: each fits every published figure, and
/// they still disagree where the figures say nothing. Release job (`Calibration` in
/// `.ci/run`'s filter): each case replays 20M-record backlogs.
final class MechanismCalibrationTests: XCTestCase {
    /// aws-2024 and every shipped profile that is an alternative reading of it.
    static func todayProfiles() throws -> [BehaviourProfile] {
        try ProfileStore.shippedNames.map(ProfileStore.load).filter { $0.name == "aws-2024" || $0.alternativeTo == "aws-2024" }
    }

    func testEveryProfileOfTodaysServiceFitsEveryPublishedFigure() throws {
        try LongTest.requireOptimizedBuild()
        let profiles = try Self.todayProfiles()
        XCTAssertGreaterThanOrEqual(profiles.count, 3, "issue 16 asks for at least three profiles of today's service")
        let observations = try ObservationFile.load(path: RepositoryPaths.publishedFigures)
        let published = observations.filter { $0.profile == "aws-2024" }
        XCTAssertFalse(published.isEmpty)
        let sizing = try SizingExample.load(path: RepositoryPaths.root + "/Scenarios/sizing-examples.csv")
        for profile in profiles {
            let residuals = try FidelityReport.residuals(for: observations, profile: profile)
            XCTAssertEqual(residuals.count, published.count, "\(profile.name) is checked against every published figure of aws-2024's service")
            for residual in residuals {
                XCTAssertTrue(residual.withinTolerance, "\(profile.name) \(residual.observation.scenarioName) \(residual.observation.metric): \(residual.simulated) against \(residual.observation.observed) ±\(residual.observation.tolerance)")
            }
            for row in try SizingReport.rows(for: sizing, profile: profile) {
                XCTAssertTrue(row.holds, "\(profile.name) \(row.example.scenarioPath) \(row.example.metric): \(row.simulated) breaks AWS's arithmetic")
            }
        }
    }

    /// The 20M-record backlog of the blog (100 partitions of 1 KB records, 100 ms function)
    /// with `edits`.
    static func backlog(_ edits: [(String, Any?)]) throws -> Scenario {
        let base: [String: Any] = [
            "topic": ["partitions": 100, "recordSizeBytes": 1_024, "backlogRecords": 20_000_000],
            "function": ["durationMs": 100, "memoryMB": 1_024],
            "eventSourceMapping": ["BatchSize": 100, "StartingPosition": "TRIM_HORIZON"] as [String: Any],
        ]
        return try ScenarioJSON.load(ScenarioJSON.text(edits, base: base)).get()
    }

    /// A figure under each of two profiles.
    static func figures(_ scenario: Scenario, _ names: [String], _ metric: (RunResult) -> Double) throws -> [Double] {
        try names.map { name in metric(ScenarioRunner.run(scenario, profile: try ProfileStore.load(name), options: .init())) }
    }

    func testTheProfilesDisagreeWhereTheFiguresAreSilent() throws {
        try LongTest.requireOptimizedBuild()
        let drain: (RunResult) -> Double = { Double($0.summary.drainTime ?? .max) / Double(Ticks.perSecond) }
        let peakLag: (RunResult) -> Double = { Double($0.summary.peakOffsetLag) }

        // On-demand, 1,000 partitions: aws-2024 jumps to the wanted pollers at once;
        // growth climbs x1.5 + 15 a minute, rebalancing (and pausing moved partitions) at each step.
        let wide = try Self.figures(try Self.backlog([("topic.partitions", 1_000)]), ["aws-2024", "aws-2024-growth"], drain)
        print("disagreement: on-demand 1,000 partitions drain aws-2024 \(wide[0]) s, aws-2024-growth \(wide[1]) s")
        XCTAssertGreaterThan(wide[1] - wide[0], 60)

        // BatchSize 1,000 with MinimumPollers 1: growth's short steps start the ramp sooner.
        let big = try Self.figures(
            try Self.backlog([("eventSourceMapping.BatchSize", 1_000), ("eventSourceMapping.ProvisionedPollerConfig", ["MinimumPollers": 1])]),
            ["aws-2024", "aws-2024-growth"], drain)
        print("disagreement: BatchSize 1000, MinimumPollers 1 drain aws-2024 \(big[0]) s, aws-2024-growth \(big[1]) s")
        XCTAssertGreaterThan(big[0] - big[1], 30)

        // A day of diurnal on-demand traffic: every poller change is an eager rebalance
        // that stops the whole group for 95 s, so the lag peaks many times higher.
        let diurnal = try ScenarioLoader.load(path: RepositoryPaths.scenario("diurnal-day.json"))
        let lags = try Self.figures(diurnal, ["aws-2024", "aws-2024-eager"], peakLag)
        print("disagreement: diurnal-day peak offset lag aws-2024 \(lags[0]), aws-2024-eager \(lags[1])")
        XCTAssertGreaterThan(lags[1], 5 * lags[0])
    }
}
