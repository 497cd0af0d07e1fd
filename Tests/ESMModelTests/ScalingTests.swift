@testable import ESMModel
import EventEngine
import XCTest

/// On-demand and provisioned scaling.
final class ScalingTests: XCTestCase {
    func testOnDemandStartsWithOnePollerAndScalesUpWithLag() {
        var profile = ModelFixtures.profile()
        profile.onDemand.actuationDelaySeconds = 30
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 20, backlog: 2_000_000, durationMs: 100, profile: profile))
        XCTAssertEqual(result.rows.first?.pollers, 1)
        XCTAssertEqual(result.rows.map(\.pollers).max(), 20, "at most one poller per partition")
        // The first scale-up lands at the first evaluation (60 s) plus the actuation delay.
        let firstChange = result.rows.first { $0.pollers > 1 }!
        XCTAssertEqual(firstChange.time, Ticks.seconds(120))
        XCTAssertNotNil(result.summary.drainTime)
        XCTAssertEqual(result.rows.last?.pollers, 1, "scaled back down after draining")
    }

    func testProvisionedStartsAtMinimumAndStaysWithinBounds() {
        let settings = ESMSettings(provisionedPollers: .init(minimum: 3, maximum: 8))
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 20, backlog: 2_000_000, settings: settings))
        XCTAssertEqual(result.rows.first?.pollers, 3)
        XCTAssertEqual(result.rows.map(\.pollers).max(), 8)
        XCTAssertTrue(result.rows.allSatisfy { (3...8).contains($0.pollers) })
        XCTAssertEqual(result.rows.last?.pollers, 3)
    }

    func testProvisionedMaximumIsCappedAtPartitions() {
        let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 200))
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 6, backlog: 600_000, settings: settings))
        XCTAssertEqual(result.rows.map(\.pollers).max(), 6)
    }

    func testScaleUpWaitsForConsecutiveHighLagEvaluations() {
        var profile = ModelFixtures.profile()
        profile.provisioned.scaleUpEvaluations = 3
        let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 10))
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 10, backlog: 5_000_000, settings: settings, profile: profile))
        // Evaluations at 60, 120 and 180 s; the third decides, with no actuation delay.
        // The row at 180 s is sampled just before that decision, so it is the row at
        // 240 s that shows the new pollers.
        XCTAssertEqual(result.rows.first { $0.pollers > 1 }?.time, Ticks.seconds(240))
    }

    func testRebalancePausesConsumption() {
        let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 4))
        let quick = ESMSimulation.run(ModelFixtures.configuration(partitions: 4, backlog: 400_000, settings: settings))
        let paused = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 400_000, settings: settings, profile: ModelFixtures.profile(rebalancePause: 30)))
        XCTAssertGreaterThan(paused.summary.drainTime!, quick.summary.drainTime!)
    }

    func testPollerConcurrencyLimitsThroughput() {
        // One poller, 10 partitions: with 1 invocation per poller only one batch runs at a time.
        let single = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 10, backlog: 1_000, settings: ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 1, maximum: 1)),
            profile: ModelFixtures.profile(invocationsPerPoller: 1)))
        XCTAssertEqual(single.summary.maxConcurrency, 1)
        let five = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 10, backlog: 1_000, settings: ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 1, maximum: 1))))
        XCTAssertEqual(five.summary.maxConcurrency, 5)
    }
}
