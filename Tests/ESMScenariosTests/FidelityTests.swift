import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import XCTest

/// The fidelity suite: every published figure, replayed with the shipped profiles.
///
/// In-sample versus out-of-sample: the figures in `Scenarios/published-figures.csv` are the
/// observations the profiles' fitted constants were calibrated to, so the tests that
/// replay them (named `InSample`) show the fit, not a prediction. The offset-lag figures
/// were used for no constant and are out of sample.
final class FidelityTests: XCTestCase {
    func testEveryPublishedFigureIsWithinItsToleranceInSample() throws {
        try LongTest.requireOptimizedBuild()
        let observations = try ObservationFile.load(path: RepositoryPaths.publishedFigures)
        XCTAssertEqual(Set(observations.map(\.scenarioName)).count, 7, "the seven published scenarios")
        let residuals = try FidelityReport.residuals(for: observations)
        print("\nPublished versus simulated (esmsim fidelity; in-sample: the profiles were fitted to these figures):\n" + FidelityReport.table(residuals) + "\n")
        for residual in residuals {
            XCTAssertTrue(residual.withinTolerance,
                          "\(residual.observation.scenarioName) \(residual.observation.metric): published \(residual.observation.observed), simulated \(residual.simulated)")
        }
    }

    func testHexaview2021KeepsOneMaximumThroughputPhaseWhileProductionLasts() throws {
        // Tear-up, maximum throughput, cool-down: with production running two hours the
        // consumers stay at the partition count from the first evaluation until it ends.
        let profile = try ProfileStore.load("aws-2021")
        for (file, partitions) in [("hexaview-case1.json", 10), ("hexaview-case2.json", 20), ("hexaview-case3.json", 100)] {
            var scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(file))
            let rate = try XCTUnwrap(scenario.production.pieces.first).recordsPerSecond
            let end = Ticks.seconds(7_200)
            scenario.production.pieces = [.init(start: 0, end: end, recordsPerSecond: rate)]
            let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
            let producing = result.rows.filter { $0.time > Ticks.seconds(960) && $0.time <= end }
            XCTAssertFalse(producing.isEmpty, file)
            XCTAssertTrue(producing.allSatisfy { $0.pollers == partitions }, "\(file): \(Set(producing.map(\.pollers)).sorted())")
            var changes = 0
            for (previous, row) in zip(result.rows, result.rows.dropFirst()) where row.pollers != previous.pollers { changes += 1 }
            XCTAssertEqual(changes, 2, "\(file): one scale-up, one scale-down")
        }
    }

    /// In-sample: the Hexaview figures fitted aws-2021; the evaluation timing itself is documented.
    func testHexaviewConcurrencyChangesOnlyAtFifteenMinuteEvaluationsInSample() throws {
        let profile = try ProfileStore.load("aws-2021")
        for (file, partitions) in [("hexaview-case1.json", 10), ("hexaview-case2.json", 20), ("hexaview-case3.json", 100)] {
            let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(file))
            let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
            let evaluation = Ticks.seconds(900)
            for (previous, row) in zip(result.rows, result.rows.dropFirst()) where row.pollers != previous.pollers {
                // The change happened in [previous.time, row.time] (a row sampled at the very
                // tick of an evaluation is taken just before it): that span holds an evaluation.
                XCTAssertLessThanOrEqual((previous.time + evaluation - 1) / evaluation * evaluation, row.time, "\(file): pollers changed between \(previous.time) and \(row.time)")
            }
            XCTAssertTrue(result.rows.allSatisfy { $0.concurrencyMax <= partitions }, file)
            XCTAssertTrue(result.rows.filter { $0.time <= evaluation }.allSatisfy { $0.concurrencyMax <= 1 }, file)
            XCTAssertEqual(result.rows.last?.pollers, 1, "\(file): consumers removed after the lag clears")
        }
    }

    /// Out of sample: no constant was fitted to the offset-lag post.
    func testOffsetLagFallsFromAboutEightToAboutTwoWithTheFastFunctionOutOfSample() throws {
        let profile = try ProfileStore.load(Scenario.defaultProfileName)
        var slow: [Double] = [], fast: [Double] = []
        for seed in UInt64(1)...3 {
            for (file, into) in [("offset-lag-slow.json", 0), ("offset-lag-fast.json", 1)] {
                let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(file))
                let lag = ScenarioRunner.run(scenario, profile: profile, options: .init(seed: seed)).summary.meanOffsetLag
                if into == 0 { slow.append(lag) } else { fast.append(lag) }
            }
        }
        let slowMean = slow.reduce(0, +) / 3, fastMean = fast.reduce(0, +) / 3
        print("offset-lag post: mean offset lag slow \(slowMean), fast \(fastMean)")
        XCTAssertEqual(slowMean, 8, accuracy: 1.5)
        XCTAssertEqual(fastMean, 2, accuracy: 1)
        XCTAssertGreaterThan(slowMean / fastMean, 2.5)
    }

    /// In-sample: the on-demand poll overhead was fitted to this drain time.
    func testOnDemandIsSlowerBecauseOfItsSlowerCyclesInSample() throws {
        try LongTest.requireOptimizedBuild()
        // The documented mechanism: after its ramp on-demand runs every partition, but each
        // batch cycle carries more overhead than a provisioned one.
        let profile = try ProfileStore.load("aws-2024")
        XCTAssertGreaterThan(profile.onDemand.pollOverheadSeconds, 3 * profile.provisioned.pollOverheadSeconds)
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario("provisioned-blog-on-demand.json"))
        let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
        // Every partition busy: 20 pollers of 5 slots. The 5 partitions that stay on the
        // first poller through the rebalance run out of step with the 95 that move.
        XCTAssertGreaterThanOrEqual(result.summary.maxConcurrency, 95)
        XCTAssertEqual(result.rows.map(\.pollers).max(), 20)
    }
}
