@testable import ESMModel
import EventEngine
import XCTest

/// On-demand and provisioned scaling.
final class ScalingTests: XCTestCase {
    func testOnDemandStartsWithOnePollerAndScalesUpWithLag() {
        var profile = ModelFixtures.profile()
        profile.onDemand.actuationDelaySeconds = 30
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 20, backlog: 20_000_000, durationMs: 100, profile: profile))
        XCTAssertEqual(result.rows.first?.pollers, 1)
        XCTAssertEqual(result.rows.map(\.pollers).max(), 4, "4 pollers of 5 slots keep all 20 partitions busy; more would add nothing")
        // The first scale-up lands at the first evaluation (60 s) plus the actuation delay.
        let firstChange = result.rows.first { $0.pollers > 1 }!
        XCTAssertEqual(firstChange.time, Ticks.seconds(120))
        XCTAssertNotNil(result.summary.drainTime)
        XCTAssertEqual(result.rows.last?.pollers, 1, "scaled back down after draining")
    }

    func testProvisionedStartsAtMinimumAndStaysWithinBounds() {
        let settings = ESMSettings(provisionedPollers: .init(minimum: 3, maximum: 8))
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 20, backlog: 20_000_000, settings: settings, profile: ModelFixtures.profile(invocationsPerPoller: 1)))
        XCTAssertEqual(result.rows.first?.pollers, 3)
        XCTAssertEqual(result.rows.map(\.pollers).max(), 8)
        XCTAssertTrue(result.rows.allSatisfy { (3...8).contains($0.pollers) })
        XCTAssertEqual(result.rows.last?.pollers, 3)
    }

    func testProvisionedMaximumIsCappedAtPartitions() {
        let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 200))
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 6, backlog: 6_000_000, settings: settings, profile: ModelFixtures.profile(invocationsPerPoller: 1)))
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
        let quick = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 400_000, settings: settings, profile: ModelFixtures.profile(invocationsPerPoller: 1)))
        let paused = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 400_000, settings: settings,
            profile: ModelFixtures.profile(invocationsPerPoller: 1, rebalancePause: 30)))
        XCTAssertGreaterThan(paused.summary.drainTime!, quick.summary.drainTime!)
    }

    func testRebalancePausesOnlyThePartitionsThatMove() {
        // One poller with one slot on 2 partitions scales to 2 at 60 s: partition 1 moves
        // and pauses for 120 s; partition 0 stays and keeps consuming through the pause.
        let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 2))
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 2, backlog: 2_000_000, settings: settings,
            profile: ModelFixtures.profile(invocationsPerPoller: 1, rebalancePause: 120), intervalSeconds: 30))
        // The row at 90 s is the first to show the change made at the 60 s evaluation.
        XCTAssertEqual(result.rows.first { $0.pollers == 2 }?.time, Ticks.seconds(90))
        let change = Ticks.seconds(60)
        let during = result.rows.filter { $0.time > change && $0.time <= change + Ticks.seconds(120) }
        XCTAssertFalse(during.isEmpty)
        for (before, row) in zip(result.rows, result.rows.dropFirst()) where during.contains(where: { $0.time == row.time }) {
            let rate = Double(row.processedTotal - before.processedTotal) / 30
            // One partition's cycle: 100 records per 70 ms, about 1,430 records/s.
            XCTAssertGreaterThan(rate, 1_000, "the partition that stayed keeps consuming at \(row.time)")
            XCTAssertLessThan(rate, 2_000, "the partition that moved is paused at \(row.time)")
        }
    }

    func testScalingOutNeverGoesPastTheCountThatAddsThroughput() {
        // 20 partitions, 5 slots a poller: past 4 pollers nothing runs faster, so a
        // MaximumPollers of 200 behaves as 4 and drains exactly as fast.
        let drain = { (maximum: Int) in
            ESMSimulation.run(ModelFixtures.configuration(
                partitions: 20, backlog: 4_000_000,
                settings: ESMSettings(provisionedPollers: .init(minimum: 1, maximum: maximum)),
                profile: ModelFixtures.profile(rebalancePause: 60)))
        }
        let four = drain(4)
        let many = drain(200)
        XCTAssertEqual(many.rows.map(\.pollers).max(), 4)
        XCTAssertEqual(many.summary.drainTime, four.summary.drainTime)
    }

    func testProvisionedPollersBoundedByTheFunctionsConcurrency() {
        // Reserved concurrency 4 runs at most 4 invocations; 70 ms slot cycles around a
        // 50 ms function keep 4 invocations busy with ceil(4 x 70 / 50 / 5) = 2 pollers.
        let result = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 40, backlog: 4_000_000, reservedConcurrency: 4,
            settings: ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 40))))
        XCTAssertEqual(result.rows.map(\.pollers).max(), 2)
    }

    func testMinimumPollersAboveThePartitionCountIsCappedAndNotBilled() {
        let capped = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 40_000, settings: ESMSettings(provisionedPollers: .init(minimum: 50, maximum: 60))))
        let exact = ESMSimulation.run(ModelFixtures.configuration(
            partitions: 4, backlog: 40_000, settings: ESMSettings(provisionedPollers: .init(minimum: 4, maximum: 4))))
        XCTAssertEqual(capped.rows.map(\.pollers).max(), 4)
        XCTAssertEqual(capped.summary.epuSeconds, exact.summary.epuSeconds)
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
