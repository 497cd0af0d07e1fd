import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import XCTest

/// `esmsim calibrate` on the shipped observations reproduces the shipped constants.
final class CalibrationTests: XCTestCase {
    /// The shipped files are calibration's fixed point (the README says so). That alone
    /// proves only that no single step improves them; CalibrationPerturbationTests checks
    /// that calibration finds the fitted constants again.
    func testShippedProfilesAreWhatCalibrationProduces() throws {
        try LongTest.requireOptimizedBuild()
        let observations = try ObservationFile.load(path: RepositoryPaths.publishedFigures)
        for name in ProfileStore.shippedNames {
            let shipped = try ProfileStore.load(name)
            let fit = try Calibrator(observations: observations, profile: shipped).fit(shipped)
            let shippedText = try XCTUnwrap(ProfileStore.shippedFile(name)).text
            XCTAssertEqual(ProfileStore.render(fit.profile), shippedText, "\(name) is not the calibrated fixed point")
            XCTAssertTrue(fit.residuals.allSatisfy(\.withinTolerance), name)
        }
    }

    func testCalibrationMovesAConstantTowardsTheObservations() throws {
        try LongTest.requireOptimizedBuild()
        // Start aws-2024 with a wrong provisioned overhead; the fit brings MinimumPollers 100
        // back to its published 6-minute drain.
        let observations = try ObservationFile.load(path: RepositoryPaths.publishedFigures)
            .filter { $0.scenarioName == "provisioned-blog-min100.json" }
        var start = try ProfileStore.load("aws-2024")
        start.provisioned.pollOverheadSeconds = 0.3
        let calibrator = try Calibrator(observations: observations, profileName: "aws-2024")
        XCTAssertFalse(calibrator.residuals(for: start).allSatisfy(\.withinTolerance))
        let fit = try calibrator.fit(start)
        XCTAssertTrue(fit.residuals.allSatisfy(\.withinTolerance))
        XCTAssertLessThan(fit.profile.provisioned.pollOverheadSeconds, 0.15)
    }

    /// Restarts leave the local fit only for a strictly better one: from shipped aws-2024
    /// (no single step improves it) one restart finds a lower objective, every figure
    /// still within its tolerance.
    func testRestartsFindABetterFitThanTheDescent() throws {
        try LongTest.requireOptimizedBuild()
        let observations = try ObservationFile.load(path: RepositoryPaths.publishedFigures)
        let shipped = try ProfileStore.load("aws-2024")
        let calibrator = try Calibrator(observations: observations, profile: shipped)
        let local = try calibrator.fit(shipped)
        XCTAssertEqual(local.profile, shipped)
        var lines: [String] = []
        let restarted = try calibrator.fit(shipped, restarts: 1) { lines.append($0) }
        XCTAssertLessThan(restarted.objective, local.objective - 0.01)
        XCTAssertNotEqual(restarted.profile, shipped)
        XCTAssertTrue(restarted.residuals.allSatisfy(\.withinTolerance))
        XCTAssertEqual(lines.filter { $0.hasPrefix("restart from ") }.count, 1, "\(lines)")
    }

    /// A move of 20 % lands on the grid, at least one step away, inside the range: a whole
    /// constant at 2 moves to 1 and 3 (rounding 1.6 and 2.4 back to 2 would call it
    /// undetermined), and a zero moves up by one step only.
    func testRelativeMovesStepAtLeastOnceOnTheGrid() throws {
        func grid(_ name: String) throws -> ProfileConstant.SearchGrid {
            try XCTUnwrap(ProfileConstant.catalog.first { $0.name == name }).search
        }
        let evaluations = try grid("provisioned.scaleUpEvaluations")  // 1...20, step 1
        XCTAssertEqual(Calibrator.moved(2, by: 0.8, on: evaluations), 1)
        XCTAssertEqual(Calibrator.moved(2, by: 1.2, on: evaluations), 3)
        XCTAssertEqual(Calibrator.moved(20, by: 1.2, on: evaluations), 20)
        let pause = try grid("rebalancePauseSeconds")  // 0...600, step 5
        XCTAssertEqual(Calibrator.moved(95, by: 0.8, on: pause), 75)
        XCTAssertEqual(Calibrator.moved(95, by: 1.2, on: pause), 115)
        XCTAssertEqual(Calibrator.moved(0, by: 0.8, on: pause), 0)
        XCTAssertEqual(Calibrator.moved(0, by: 1.2, on: pause), 5)
        XCTAssertEqual(Calibrator.moved(0.37, by: 0.8, on: try grid("onDemand.pollOverheadSeconds")), 0.295)
    }

    func testEveryConstantHasEvidence() throws {
        for name in ProfileStore.shippedNames {
            let profile = try ProfileStore.load(name)
            let listed = ProfileConstant.catalog.filter(profile.lists).map(\.name) + ProfileSetting.catalog.filter(profile.lists).map(\.name)
            XCTAssertEqual(profile.notes.map(\.name), listed, name)
            XCTAssertTrue(ProfileConstant.catalog.allSatisfy { $0.defaultValue != nil || listed.contains($0.name) }, name)
            for constant in ProfileConstant.catalog where profile.listsOrUses(constant) {
                XCTAssertTrue(listed.contains(constant.name), "\(name) uses \(constant.name) without documenting it")
            }
            for note in profile.notes {
                XCTAssertTrue(["documented", "fitted", "assumed"].contains(note.provenance), "\(name) \(note.name)")
                XCTAssertGreaterThan(note.evidence.count, 20, "\(name) \(note.name)")
            }
        }
    }

    func testObservationFileProblemsAreReported() {
        let text = "scenario,metric,observed,tolerance,profile,source\na.json,drain_tme_s,1,1,,x\nb.json,drain_time_s,x,1,,y\n"
        XCTAssertThrowsError(try ObservationFile.parse(text, file: "obs.csv", folder: "/tmp")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("obs.csv:2:8: metric: unknown metric \"drain_tme_s\" (did you mean drain_time_s?)"), message)
            XCTAssertTrue(message.contains("obs.csv:3:21: observed: \"x\" is not a number"), message)
        }
    }

    /// `offset_lag@T` reads the lag of the last sample at or before T, so a reading between
    /// samples is the earlier one, and a time before the first sample reads 0.
    func testOffsetLagAtATime() throws {
        let result = ChartFixtures.provisioned
        let sample = result.rows[result.rows.count / 3]
        let lag = try XCTUnwrap(ObservedMetric.parse("offset_lag@\(Ticks.toSeconds(sample.time))"))
        XCTAssertEqual(lag.value(in: result), Double(sample.offsetLagSum))
        XCTAssertEqual(ObservedMetric.offsetLagAt(sample.time + 1).value(in: result), Double(sample.offsetLagSum))
        XCTAssertGreaterThan(sample.offsetLagSum, 0, "the fixture's lag is still draining a third of the way in")
        XCTAssertNil(ObservedMetric.parse("offset_lag@-5"))
    }

    func testMetricNamesRoundTrip() {
        for name in ["drain_time_s", "time_to_max_concurrency_s", "max_concurrency", "peak_offset_lag", "mean_offset_lag",
                     "processed_total@900", "concurrency_max_until@90.5", "offset_lag@3600", "scale_down_after_drain_s"] {
            XCTAssertEqual(ObservedMetric.parse(name)?.description, name)
        }
        XCTAssertNil(ObservedMetric.parse("processed_total@soon"))
    }
}
