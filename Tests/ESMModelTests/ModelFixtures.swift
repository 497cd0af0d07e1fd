@testable import ESMModel
import EventEngine

/// Small configurations and a plain test profile for exercising model mechanics.
///
/// The profile here is deliberately simple (no delays, no rebalance pause) so each test
/// can reason about exact counts; the shipped, calibrated profiles are tested in
/// ESMScenariosTests.
enum ModelFixtures {
    static func profile(
        invocationsPerPoller: Double = 5, pollOverhead: Double = 0.01, commitOverhead: Double = 0.01,
        rebalancePause: Double = 0, lagWorkOffSeconds: Double = 300
    ) -> BehaviourProfile {
        var profile = BehaviourProfile(name: "test", summary: "mechanics tests")
        for keyPath in [\BehaviourProfile.onDemand, \BehaviourProfile.provisioned] {
            var mode = ScalingBehaviour()
            mode.invocationsPerPoller = invocationsPerPoller
            mode.pollOverheadSeconds = pollOverhead
            mode.commitOverheadSeconds = commitOverhead
            mode.evaluationIntervalSeconds = 60
            mode.lagWorkOffSeconds = lagWorkOffSeconds
            mode.scaleDownDelaySeconds = 120
            mode.throttleScaleDownStep = keyPath == \BehaviourProfile.onDemand ? 1 : 0
            profile[keyPath: keyPath] = mode
        }
        profile.rebalancePauseSeconds = rebalancePause
        profile.throttleRetrySeconds = 0.5
        return profile
    }

    static func configuration(
        partitions: Int = 4, backlog: Int64 = 0, rate: Double = 0, seconds: Double = 0,
        arrivals: ProductionSchedule.Arrivals = .uniform, recordSize: Distribution = .constant(1_000),
        hotShare: Double = 0, durationMs: Double = 50, errorProbability: Double = 0,
        reservedConcurrency: Int? = nil, settings: ESMSettings = ESMSettings(),
        profile: BehaviourProfile = ModelFixtures.profile(), seed: UInt64 = 1,
        horizonSeconds: Double = 86_400, intervalSeconds: Double = 60
    ) -> ModelConfiguration {
        let pieces = rate > 0 ? [ProductionSchedule.Piece(start: 0, end: Ticks.seconds(seconds), recordsPerSecond: rate)] : []
        return ModelConfiguration(
            name: "test",
            topic: TopicSpec(partitions: partitions, recordSizeBytes: recordSize, backlogRecords: backlog, hotPartitionShare: hotShare),
            production: ProductionSchedule(pieces: pieces, arrivals: arrivals),
            function: FunctionSpec(duration: .distribution(.constant(durationMs)), errorProbability: errorProbability, reservedConcurrency: reservedConcurrency),
            settings: settings, profile: profile, seed: seed,
            horizon: Ticks.seconds(horizonSeconds), sampleInterval: Ticks.seconds(intervalSeconds))
    }
}
