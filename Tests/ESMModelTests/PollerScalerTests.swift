@testable import ESMModel
import EventEngine
import XCTest

/// The scaler's decision function, case by case, apart from whole runs.
///
/// The base policy: 100 partitions, 5 slots a poller, full batches of 100 records of
/// 1,000 bytes; a batch holds its slot 0.5 s and runs 0.1 s. So a slot delivers 200
/// records/s, a poller 1,000, and 20 pollers keep every partition busy.
final class PollerScalerTests: XCTestCase {
    static func policy(
        ceiling: Int = 100, concurrency: Int = 1_000, scaleUpEvaluations: Double = 1,
        evaluationSeconds: Double = 60, throttleStep: Double = 1
    ) -> ScalerPolicy {
        var behaviour = ScalingBehaviour()
        behaviour.invocationsPerPoller = 5
        behaviour.pollerBytesPerSecond = 5_000_000
        behaviour.evaluationIntervalSeconds = evaluationSeconds
        behaviour.readingIntervalSeconds = 60
        behaviour.scaleUpEvaluations = scaleUpEvaluations
        behaviour.scaleDownDelaySeconds = 300
        behaviour.throttleScaleDownStep = throttleStep
        behaviour.scaleOutHeadroom = 1.2
        behaviour.scaleInHeadroom = 1.5
        behaviour.lagWorkOffSeconds = 300
        return ScalerPolicy(
            behaviour: behaviour, floor: 1, ceiling: ceiling, partitions: 100, batchRecords: 100,
            concurrencyLimit: concurrency)
    }

    static func scaler(_ policy: ScalerPolicy = policy(), bytesPerRecord: Double = 1_000) -> PollerScaler {
        PollerScaler(policy: policy, prior: CapacityEstimate(
            slotSecondsPerBatch: 0.5, invocationSecondsPerBatch: 0.1, bytesPerRecord: bytesPerRecord))
    }

    static func reading(
        at seconds: Double = 60, pollers: Int, arrivals: Double = 0, waiting: Int64 = 0, throttles: Int64 = 0
    ) -> ScalerObservation {
        ScalerObservation(
            time: Ticks.seconds(seconds), pollers: pollers, arrivalRate: arrivals, waitingLag: waiting, throttles: throttles)
    }

    func testOneReadingDecisions() {
        struct Case {
            let name: String
            var policy = PollerScalerTests.policy()
            var bytesPerRecord = 1_000.0
            let observation: ScalerObservation
            let target: Int?
        }
        let cases = [
            Case(name: "idle at the floor stays", observation: Self.reading(pollers: 1), target: nil),
            Case(name: "arrivals get 20 % headroom", observation: Self.reading(pollers: 1, arrivals: 10_000), target: 12),
            Case(name: "steady at the scale-out count stays", observation: Self.reading(pollers: 12, arrivals: 10_000), target: nil),
            Case(name: "inside the band stays", observation: Self.reading(pollers: 14, arrivals: 10_000), target: nil),
            Case(name: "lag to work off in 300 s counts as demand", observation: Self.reading(pollers: 1, waiting: 3_000_000), target: 12),
            Case(name: "lag and arrivals add", observation: Self.reading(pollers: 1, arrivals: 5_000, waiting: 1_500_000), target: 12),
            Case(name: "a huge lag asks only for pollers that add throughput", observation: Self.reading(pollers: 1, waiting: 1_000_000_000), target: 20),
            Case(name: "already at the useful count, a huge lag adds none", observation: Self.reading(pollers: 20, waiting: 1_000_000_000), target: nil),
            Case(name: "the ceiling binds", policy: Self.policy(ceiling: 8), observation: Self.reading(pollers: 1, arrivals: 50_000), target: 8),
            Case(name: "the function's concurrency bounds the useful count", policy: Self.policy(concurrency: 10), observation: Self.reading(pollers: 1, arrivals: 50_000), target: 10),
            Case(name: "big records make the byte budget bind", bytesPerRecord: 100_000, observation: Self.reading(pollers: 1, arrivals: 1_000), target: 24),
            Case(name: "throttling removes a poller", policy: Self.policy(concurrency: 10), observation: Self.reading(pollers: 14, arrivals: 50_000, throttles: 3), target: 13),
            Case(name: "throttling never removes pollers the concurrency limit keeps busy", policy: Self.policy(concurrency: 10), observation: Self.reading(pollers: 10, arrivals: 50_000, throttles: 3), target: nil),
            Case(name: "throttled, the scaler adds none however many arrive", observation: Self.reading(pollers: 2, arrivals: 50_000, throttles: 3), target: nil),
            Case(name: "no throttle step: throttling removes none and adds none", policy: Self.policy(throttleStep: 0), observation: Self.reading(pollers: 2, arrivals: 50_000, throttles: 3), target: nil),
        ]
        for testCase in cases {
            var scaler = PollerScaler(policy: testCase.policy, prior: CapacityEstimate(
                slotSecondsPerBatch: 0.5, invocationSecondsPerBatch: 0.1, bytesPerRecord: testCase.bytesPerRecord))
            XCTAssertEqual(scaler.decide(testCase.observation), testCase.target, testCase.name)
            XCTAssertEqual(scaler.actionPending, testCase.target != nil, testCase.name)
        }
    }

    func testSequencesOfReadings() {
        struct Step {
            let observation: ScalerObservation
            let target: Int?
            var actuate = false
        }
        let sequences: [(String, PollerScaler, [Step])] = [
            ("scale-in waits for the delay", Self.scaler(), [
                Step(observation: Self.reading(at: 60, pollers: 20, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 120, pollers: 20, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 300, pollers: 20, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 360, pollers: 20, arrivals: 10_000), target: 15),
            ]),
            ("a busy reading restarts the scale-in delay", Self.scaler(), [
                Step(observation: Self.reading(at: 60, pollers: 20, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 120, pollers: 20, arrivals: 14_000), target: nil),
                Step(observation: Self.reading(at: 360, pollers: 20, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 660, pollers: 20, arrivals: 10_000), target: 15),
            ]),
            ("one decision at a time", Self.scaler(), [
                Step(observation: Self.reading(at: 60, pollers: 1, arrivals: 10_000), target: 12),
                Step(observation: Self.reading(at: 120, pollers: 1, arrivals: 15_000), target: nil, actuate: true),
                Step(observation: Self.reading(at: 180, pollers: 12, arrivals: 15_000), target: 18),
            ]),
            ("scale-out waits for consecutive readings", Self.scaler(Self.policy(scaleUpEvaluations: 3)), [
                Step(observation: Self.reading(at: 60, pollers: 1, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 120, pollers: 1, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 180, pollers: 1, arrivals: 10_000), target: 12),
            ]),
            ("readings between evaluations take no action", Self.scaler(Self.policy(evaluationSeconds: 180)), [
                Step(observation: Self.reading(at: 60, pollers: 1, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 120, pollers: 1, arrivals: 10_000), target: nil),
                Step(observation: Self.reading(at: 180, pollers: 1, arrivals: 10_000), target: 12),
            ]),
        ]
        for (name, start, steps) in sequences {
            var scaler = start
            for (index, step) in steps.enumerated() {
                XCTAssertEqual(scaler.decide(step.observation), step.target, "\(name), reading \(index)")
                if step.actuate { scaler.actuated() }
            }
        }
    }

    func testEstimateFollowsTheCommittedBatches() {
        var scaler = Self.scaler()
        // Batches now hold their slot 1 s: a poller delivers 500 records/s, not 1,000.
        let window = ThroughputWindow(
            batches: 10, records: 1_000, bytes: 1_000_000, slotTicks: Ticks.seconds(10), invocationTicks: Ticks.seconds(1))
        let observation = ScalerObservation(time: Ticks.seconds(60), pollers: 1, arrivalRate: 10_000, waitingLag: 0, window: window)
        XCTAssertEqual(scaler.decide(observation), 20)
        XCTAssertEqual(scaler.estimate.slotSecondsPerBatch, 1, accuracy: 1e-12)
        XCTAssertEqual(scaler.estimate.capacity(pollers: 20, scaler.policy), 10_000, accuracy: 1e-6)
    }

    func testCapacityNeverDecreasesWithPollers() {
        var random = RandomStream(seed: 12)
        for _ in 0..<200 {
            let policy = Self.policy(ceiling: 1 + Int(random.nextUnit() * 150), concurrency: Int(random.nextUnit() * 200))
            let estimate = CapacityEstimate(
                slotSecondsPerBatch: random.nextUnit() * 2, invocationSecondsPerBatch: random.nextUnit(),
                bytesPerRecord: 1 + random.nextUnit() * 1_000_000)
            var previous = 0.0
            for pollers in 0...policy.ceiling {
                let capacity = estimate.capacity(pollers: pollers, policy)
                XCTAssertGreaterThanOrEqual(capacity, previous)
                previous = capacity
            }
            // The count asked for a rate delivers it, or as much as any allowed count can.
            let rate = random.nextUnit() * 100_000
            let pollers = estimate.pollers(toDeliver: rate, policy)
            let best = estimate.capacity(pollers: policy.ceiling, policy)
            XCTAssertGreaterThanOrEqual(estimate.capacity(pollers: pollers, policy), min(rate, best) * (1 - 1e-9))
            if pollers > policy.floor {
                XCTAssertLessThan(estimate.capacity(pollers: pollers - 1, policy), min(rate, best), "no fewer would do")
            }
        }
    }
}
