import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios

/// Properties of the scaler over hundreds of seeded random valid scenarios, on both
/// shipped profiles: more capacity never drains slower by more than one evaluation
/// interval, and steady traffic within capacity keeps its poller count after the ramp.
/// Debug builds check the first part of each seeded sequence; the release test job
/// (`swift test -c release -Xswiftc -enable-testing`) checks all of it in a few seconds.
final class ScalingPropertyTests: XCTestCase {
    static let profile2024 = try! ProfileStore.load("aws-2024")

    /// A random backlog drain, small enough to run in milliseconds.
    struct Drain {
        var partitions: Int
        var backlog: Int64
        var recordBytes: Double
        var durationMs: Double
        var batchSize: Int
        var windowMs: Int64
        var reserved: Int?
        var provisioned: ESMSettings.ProvisionedPollers?

        static func random(_ random: inout TestRandom) -> Drain {
            let minimum = random.int(1...8)
            return Drain(
                partitions: random.int(1...40), backlog: Int64(random.int(20_000...400_000)),
                recordBytes: Double(random.int(100...4_000)), durationMs: random.double(5, 400),
                batchSize: random.pick([10, 100, 500]), windowMs: Int64(random.pick([0, 500, 1_000])),
                reserved: random.chance(0.3) ? random.int(1...40) : nil,
                provisioned: random.chance(0.5) ? .init(minimum: minimum, maximum: random.int(minimum...60)) : nil)
        }

        func configuration(_ profile: BehaviourProfile, seed: UInt64) -> ModelConfiguration {
            ModelConfiguration(
                name: "property",
                topic: TopicSpec(partitions: partitions, recordSizeBytes: .constant(recordBytes), backlogRecords: backlog),
                production: ProductionSchedule(pieces: []),
                function: FunctionSpec(duration: .distribution(.constant(durationMs)), reservedConcurrency: reserved),
                settings: ESMSettings(
                    batchSize: batchSize, batchingWindow: windowMs * Ticks.perMillisecond, provisionedPollers: provisioned),
                profile: profile, seed: seed, horizon: Ticks.seconds(6 * 3_600))
        }

        /// The same drain with more of one kind of capacity, and what was changed.
        func withMoreCapacity(_ random: inout TestRandom) -> (Drain, String) {
            var more = self
            switch random.int(0...4) {
            case 0 where provisioned != nil:
                let bounds = provisioned!
                more.provisioned = .init(minimum: bounds.minimum + random.int(1...20), maximum: max(bounds.maximum, bounds.minimum + 20))
                return (more, "more MinimumPollers")
            case 1 where provisioned != nil:
                more.provisioned!.maximum += random.int(1...200)
                return (more, "more MaximumPollers")
            case 2 where reserved != nil:
                more.reserved! += random.int(1...40)
                return (more, "more reserved concurrency")
            case 3:
                more.partitions *= random.int(2...3)
                return (more, "more partitions, same records")
            default:
                more.durationMs *= random.double(0.2, 0.9)
                return (more, "a shorter function")
            }
        }
    }

    func testMoreCapacityNeverDrainsSlowerByMoreThanOneEvaluation() throws {
        var random = TestRandom(seed: 12)
        let profiles = [Self.profile2024, try ProfileStore.load("aws-2021")]
        for trial in 0..<LongTest.cases(optimized: 300, debug: 24) {
            let profile = profiles[trial % 5 == 4 ? 1 : 0]
            let base = Drain.random(&random)
            let (more, change) = base.withMoreCapacity(&random)
            let seed = UInt64(trial)
            let before = ESMSimulation.run(base.configuration(profile, seed: seed)).summary
            let after = ESMSimulation.run(more.configuration(profile, seed: seed)).summary
            let context = "trial \(trial), \(profile.name), \(change): \(base) -> \(more)"
            guard let slower = before.drainTime else { continue }
            let interval = Ticks.seconds(profile.behaviour(provisioned: base.provisioned != nil).evaluationIntervalSeconds)
            guard let faster = after.drainTime else {
                XCTFail("drained in \(slower) ticks before, not at all after: \(context)")
                continue
            }
            XCTAssertLessThanOrEqual(faster, slower + interval, context)
        }
    }

    func testSteadyTrafficWithinCapacityKeepsItsPollerCountAfterTheRamp() {
        var random = TestRandom(seed: 2_025)
        for trial in 0..<LongTest.cases(optimized: 100, debug: 6) {
            let partitions = random.int(2...16)
            let durationMs = random.double(10, 300)
            let batchSize = random.pick([50, 100, 500])
            let provisioned = random.chance(0.5)
            let behaviour = Self.profile2024.behaviour(provisioned: provisioned)
            // One batch per partition per cycle is the most the partitions can take.
            let cycle = behaviour.pollOverheadSeconds + behaviour.commitOverheadSeconds + durationMs / 1_000
            let ceiling = Double(partitions * batchSize) / cycle
            let rate = min(random.double(0.05, 0.6) * ceiling, 800)
            let minimum = random.int(1...5)
            let configuration = ModelConfiguration(
                name: "steady",
                topic: TopicSpec(partitions: partitions, recordSizeBytes: .constant(Double(random.int(200...2_000)))),
                production: ProductionSchedule(
                    pieces: [.init(start: 0, end: Ticks.seconds(2_400), recordsPerSecond: rate)],
                    arrivals: random.chance(0.5) ? .poisson : .uniform),
                function: FunctionSpec(duration: .distribution(.constant(durationMs))),
                settings: ESMSettings(
                    batchSize: batchSize, batchingWindow: Ticks.seconds(random.pick([0.5, 1, 2, 5])),
                    provisionedPollers: provisioned ? .init(minimum: minimum, maximum: random.int(minimum...100)) : nil),
                profile: Self.profile2024, seed: UInt64(trial), horizon: Ticks.seconds(2_400))
            let rows = ESMSimulation.run(configuration).rows
            let settled = rows.filter { $0.time >= Ticks.seconds(1_200) }
            let counts = Set(settled.map(\.pollers))
            XCTAssertEqual(
                counts.count, 1,
                "trial \(trial): \(rate) records/s on \(partitions) partitions, \(durationMs) ms, BatchSize \(batchSize), provisioned \(provisioned): pollers \(counts.sorted()) after 20 min")
        }
    }
}
