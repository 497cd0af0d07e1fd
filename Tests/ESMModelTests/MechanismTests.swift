@testable import ESMModel
import EventEngine
import XCTest

/// The mechanisms a profile chooses (`PollerGrowth`, `RebalanceScope`): each one against
/// aws-2024's default, on the same inputs, so the test shows what the switch changes.
final class MechanismTests: XCTestCase {
    /// A policy for 1,000 partitions, one slot a poller: a huge lag wants all 1,000 pollers.
    static func wideScaler(growth: PollerGrowth, scaleUpEvaluations: Double = 1) -> PollerScaler {
        var behaviour = ScalingBehaviour()
        behaviour.invocationsPerPoller = 1
        behaviour.scaleUpEvaluations = scaleUpEvaluations
        behaviour.pollerGrowth = growth
        behaviour.growthFactor = 1.5
        behaviour.growthIncrement = 15
        let policy = ScalerPolicy(behaviour: behaviour, floor: 1, ceiling: 1_000, partitions: 1_000, batchRecords: 100, concurrencyLimit: 10_000)
        return PollerScaler(policy: policy, prior: CapacityEstimate(slotSecondsPerBatch: 0.2, invocationSecondsPerBatch: 0.1, bytesPerRecord: 1_000))
    }

    /// Decisions at one evaluation a minute with a lag no poller count works off, the
    /// running count held at `running` (nothing actuates).
    static func decisions(_ scaler: inout PollerScaler, minutes: Int, running: Int = 1) -> [Int?] {
        (1...minutes).map { minute in
            scaler.decide(ScalerObservation(time: Ticks.seconds(Double(60 * minute)), pollers: running, arrivalRate: 0, waitingLag: 1_000_000_000, throttles: 0))
        }
    }

    func testMultiplicativeGrowthFollowsFactorAndIncrementEachEvaluation() {
        var growth = Self.wideScaler(growth: .multiplicative)
        // ceil(p x 1.5 + 15) from 1, each evaluation, before any step has taken effect;
        // the last step stops at the wanted 1,000.
        XCTAssertEqual(Self.decisions(&growth, minutes: 10), [17, 41, 77, 131, 212, 333, 515, 788, 1_000, nil])
        XCTAssertEqual(growth.pendingActions, 9)
        XCTAssertEqual(growth.pendingTarget, 1_000)
        for _ in 0..<9 { growth.actuated() }
        XCTAssertFalse(growth.actionPending)
        XCTAssertNil(growth.pendingTarget)

        var jump = Self.wideScaler(growth: .toWanted)
        XCTAssertEqual(Self.decisions(&jump, minutes: 3), [1_000, nil, nil], "aws-2024 jumps once, then waits for the actuation")
    }

    func testMultiplicativeGrowthWaitsForScaleUpEvaluationsBetweenSteps() {
        var growth = Self.wideScaler(growth: .multiplicative, scaleUpEvaluations: 2)
        XCTAssertEqual(Self.decisions(&growth, minutes: 6), [nil, 17, nil, 41, nil, 77])
    }

    func testGrowthStepIsAtLeastOnePollerAndNeverPastTheWantedCount() {
        var policy = ScalingBehaviour()
        policy.pollerGrowth = .multiplicative
        policy.growthFactor = 1
        policy.growthIncrement = 0
        let flat = ScalerPolicy.Growth(policy)
        XCTAssertEqual(flat.next(after: 7, wanted: 20), 8, "a factor of 1 and no increment still adds one poller")
        policy.growthFactor = 10
        XCTAssertEqual(ScalerPolicy.Growth(policy).next(after: 7, wanted: 20), 20)
        XCTAssertEqual(ScalerPolicy.Growth(ScalingBehaviour()).next(after: 7, wanted: 20), 20, "the default jumps")
    }

    func testGrowthChangesTheRampOfAWholeRun() {
        // 100 partitions, one slot a poller, a lag that asks for all of them (worked off
        // in 10 s): the jump reaches 100 pollers at its first actuation, growth climbs
        // 1, 17, 41, 77, 100, one step an evaluation.
        func pollerCounts(_ growth: PollerGrowth) -> [Int] {
            var profile = ModelFixtures.profile(invocationsPerPoller: 1, lagWorkOffSeconds: 10)
            profile.provisioned.pollerGrowth = growth
            let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 100))
            let result = ESMSimulation.run(ModelFixtures.configuration(
                partitions: 100, backlog: 10_000_000, durationMs: 500, settings: settings, profile: profile, horizonSeconds: 330))
            var counts: [Int] = []
            for row in result.rows where counts.last != row.pollers { counts.append(row.pollers) }
            return counts
        }
        XCTAssertEqual(pollerCounts(.toWanted), [1, 100])
        XCTAssertEqual(pollerCounts(.multiplicative), [1, 17, 41, 77, 100])
    }

    func testEagerRebalancePausesThePartitionsThatStayToo() {
        // As ScalingTests.testRebalancePausesOnlyThePartitionsThatMove: one poller with one
        // slot on 2 partitions scales to 2 at 60 s and partition 1 moves. Under an eager
        // rebalance partition 0 pauses as well, so nothing is committed for the pause.
        func run(_ scope: RebalanceScope) -> RunResult {
            var profile = ModelFixtures.profile(invocationsPerPoller: 1, rebalancePause: 120)
            profile.rebalanceScope = scope
            let settings = ESMSettings(provisionedPollers: .init(minimum: 1, maximum: 2))
            return ESMSimulation.run(ModelFixtures.configuration(
                partitions: 2, backlog: 2_000_000, settings: settings, profile: profile, intervalSeconds: 30))
        }
        let sticky = run(.movedPartitions)
        let eager = run(.allPartitions)
        func processed(_ result: RunResult, at seconds: Double) -> Int64 {
            result.rows.first { $0.time == Ticks.seconds(seconds) }!.processedTotal
        }
        // The batch in flight at 60 s still commits; after that the group stands still until 180 s.
        XCTAssertEqual(processed(eager, at: 150), processed(eager, at: 90))
        XCTAssertGreaterThan(processed(sticky, at: 150) - processed(sticky, at: 90), 50_000)
        XCTAssertLessThan(processed(eager, at: 180), processed(sticky, at: 180))
        XCTAssertEqual(eager.rows.first { $0.pollers == 2 }?.time, sticky.rows.first { $0.pollers == 2 }?.time, "the scope changes the pause, not the decision")
    }

    func testDefaultsAreAws2024sMechanisms() {
        let profile = BehaviourProfile(name: "x", summary: "")
        XCTAssertEqual(profile.onDemand.pollerGrowth, .toWanted)
        XCTAssertEqual(profile.provisioned.pollerGrowth, .toWanted)
        XCTAssertEqual(profile.rebalanceScope, .movedPartitions)
        XCTAssertEqual(ProfileSetting.catalog.map(\.defaultChoice), ["toWanted", "toWanted", "movedPartitions"])
    }
}
