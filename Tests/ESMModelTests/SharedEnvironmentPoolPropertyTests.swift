@testable import ESMModel
import EventEngine
import XCTest

/// Several ESMs on one function start their invocations on the function's one pool of
/// execution environments: the scaling rate counts all their new environments, a start is
/// cold only when no environment of the function is idle, and the ESMs' own cold-start
/// counts add up to the function's.
final class SharedEnvironmentPoolPropertyTests: XCTestCase {
    /// Random scenarios per run: the release test job (its filter takes `Property`) runs
    /// five times the debug build's, where each costs about ten times more.
    #if DEBUG
    static let scenarios = 32
    #else
    static let scenarios = 160
    #endif

    /// One random multi-ESM scenario on one function, run with the pool's start log on.
    struct Outcome {
        var result: CoSimulationResult
        var log: [FunctionConcurrency.LoggedStart]
        var pool: ExecutionEnvironmentPool
        var profile: BehaviourProfile
        var function: FunctionSpec
        var horizon: SimTime
    }

    static func randomScenario(_ random: inout SplitMix64) -> Outcome {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        var profile = ModelFixtures.profile()
        profile.scalingRateEnvironments = Double(pick(1...4))
        profile.scalingRateWindowSeconds = Double(pick(1...20))
        // Half the scenarios reclaim idle environments within the run, half never do.
        profile.idleEnvironmentLifetimeSeconds = pick(0...1) == 0 ? Double(pick(2...30)) : 1e6
        let provisioned = pick(0...3)
        var function = FunctionSpec(
            duration: .distribution(.constant(Double(pick(20...600)))),
            errorProbability: Double(pick(0...2)) * 0.05,
            reservedConcurrency: pick(0...2) == 0 ? nil : provisioned + pick(1...8),
            initDuration: pick(0...1) == 0 ? nil : .constant(Double(pick(50...900))),
            provisionedConcurrentExecutions: provisioned)
        function.memoryMB = 256
        let horizon = Ticks.seconds(900)
        let mappings = (0..<pick(2...4)).map { index in
            var configuration = ModelFixtures.configuration(
                partitions: pick(1...6), backlog: Int64(pick(0...3) * 300), rate: 0,
                settings: pick(0...1) == 0 ? ESMSettings() : ESMSettings(provisionedPollers: .init(minimum: 1, maximum: pick(1...4))),
                profile: profile, seed: random.next(), horizonSeconds: 900, intervalSeconds: 10)
            // Production in bursts that start at different times, so the ESMs' demand on
            // the pool overlaps sometimes and alternates at others.
            let start = Ticks.seconds(Double(pick(0...300)))
            configuration.production = ProductionSchedule(
                pieces: [.init(start: start, end: start + Ticks.seconds(Double(pick(10...200))), recordsPerSecond: Double(pick(1...60)))],
                arrivals: pick(0...1) == 0 ? .uniform : .poisson)
            configuration.function = function
            configuration.name = "esm\(index)"
            return configuration
        }
        var simulation = CoSimulation(.init(name: "random", mappings: mappings, pollerGroups: mappings.map { _ in nil }))
        simulation.concurrency.recordStarts()
        let result = simulation.run()
        return Outcome(
            result: result, log: simulation.concurrency.startLog ?? [], pool: simulation.concurrency.environments,
            profile: profile, function: function, horizon: horizon)
    }

    func testTheFunctionsPoolKeepsItsPropertiesOverRandomMultiESMScenarios() {
        var random = SplitMix64(state: 1_414)
        var rateBound = 0
        var reclaimed = 0
        var warmAcrossESMs = 0
        for scenario in 0..<Self.scenarios {
            let outcome = Self.randomScenario(&random)
            let label = "scenario \(scenario)"
            let result = outcome.result
            let lastRow = result.total.rows.last?.time ?? 0
            let limit = Int(outcome.profile.scalingRateEnvironments)
            let window = Ticks.seconds(outcome.profile.scalingRateWindowSeconds)

            // The function-wide scaling rate: no span of a window holds more than its limit.
            let creations = outcome.log.filter { $0.assignment == .cold }.map(\.time)
            XCTAssertEqual(creations, creations.sorted(), label)
            var first = 0
            for last in creations.indices {
                while creations[last] - creations[first] >= window { first += 1 }
                XCTAssertLessThanOrEqual(last - first + 1, limit, "\(label): more than \(limit) new environments within a window")
            }
            if result.total.summary.throttles > 0 && outcome.function.reservedConcurrency == nil { rateBound += 1 }

            // Cold exactly when no environment of the function, whichever ESM used it last, is idle.
            for start in outcome.log {
                XCTAssertNotEqual(start.assignment, .throttled, label)
                XCTAssertEqual(start.assignment == .cold, start.idleBefore == 0, "\(label): start at \(start.time) of ESM \(start.mapping)")
            }
            var lastMapping: Int?
            for start in outcome.log {
                if start.assignment == .warm, let previous = lastMapping, previous != start.mapping { warmAcrossESMs += 1 }
                lastMapping = start.mapping
            }

            // Each ESM's cold starts are its own; together they are the function's.
            let perMapping = result.mappings.map(\.summary.coldStarts)
            for (index, mapping) in result.mappings.enumerated() {
                let own = outcome.log.filter { $0.mapping == index && $0.assignment == .cold && $0.time <= lastRow }.count
                XCTAssertEqual(mapping.summary.coldStarts, Int64(own), "\(label): ESM \(index)")
                XCTAssertEqual(mapping.rows.reduce(0) { $0 + $1.coldStarts }, mapping.summary.coldStarts, "\(label): ESM \(index) rows")
            }
            XCTAssertEqual(perMapping.reduce(0, +), outcome.pool.coldStarts, label)
            XCTAssertEqual(result.total.summary.coldStarts, outcome.pool.coldStarts, label)
            XCTAssertEqual(result.total.rows.reduce(0) { $0 + $1.coldStarts }, outcome.pool.coldStarts, label)

            // Without reclaim every environment lives on, and one is created only when all
            // are busy: the function's cold starts are its peak beyond provisioned concurrency.
            let peakBeyondProvisioned = Int64(max(result.total.summary.maxConcurrency - outcome.function.provisionedConcurrentExecutions, 0))
            if outcome.profile.idleEnvironmentLifetimeSeconds >= Ticks.toSeconds(outcome.horizon) {
                XCTAssertEqual(outcome.pool.coldStarts, peakBeyondProvisioned, label)
            } else if outcome.pool.coldStarts > peakBeyondProvisioned {
                reclaimed += 1
            }
            XCTAssertTrue(result.mappings.allSatisfy(\.summary.drained), label)
        }
        XCTAssertGreaterThan(rateBound, Self.scenarios / 8, "the scenarios meet the scaling rate")
        XCTAssertGreaterThan(reclaimed, Self.scenarios / 10, "the scenarios reclaim idle environments and create them again")
        XCTAssertGreaterThan(warmAcrossESMs, 10, "ESMs start warm on environments other ESMs used")
    }

    /// An ESM whose traffic comes after another's runs on the environments the first left
    /// idle: no cold start of its own, where a pool of its own would have started cold.
    func testAnESMReusesTheEnvironmentsAnotherLeftIdle() {
        var early = ModelFixtures.configuration(partitions: 4, backlog: 2_000, durationMs: 200, intervalSeconds: 10)
        early.function.initDuration = .constant(400)
        var late = early
        late.name = "late"
        late.seed = 2
        late.topic.backlogRecords = 0
        late.production = ProductionSchedule(
            pieces: [.init(start: Ticks.seconds(120), end: Ticks.seconds(180), recordsPerSecond: 40)], arrivals: .uniform)
        let together = CoSimulation.run(.init(name: "pair", mappings: [early, late], pollerGroups: [nil, nil]))
        XCTAssertEqual(together.mappings[0].summary.coldStarts, 4)
        XCTAssertEqual(together.mappings[1].summary.coldStarts, 0, "the late ESM finds the early one's environments warm")
        XCTAssertEqual(together.total.summary.coldStarts, 4)
        XCTAssertGreaterThan(ESMSimulation.run(late).summary.coldStarts, 0, "alone, the late ESM starts cold")
    }

    /// The work estimate of ESMs on one function counts the scaling rate's throttles for
    /// the function's one ramp to their joint concurrency, not for each ESM's own.
    func testTheWorkEstimateRampsTheFunctionOnce() {
        var profile = ModelFixtures.profile()
        profile.scalingRateEnvironments = 10
        profile.scalingRateWindowSeconds = 60
        let first = ModelFixtures.configuration(partitions: 8, backlog: 100_000, durationMs: 500, profile: profile)
        var second = first
        second.seed = 2
        XCTAssertEqual(WorkEstimate(first).scalingRateAttempts, 0, "8 environments fit one window's 10")
        let together = WorkEstimate(coSimulating: [first, second])
        XCTAssertEqual(together.concurrencyReached, 16)
        // 6 beyond the allowance wait one 60 s window, retrying every 0.5 s.
        XCTAssertEqual(together.scalingRateAttempts, 6 * (60 / 0.5 + 1), accuracy: 1e-9)
        XCTAssertEqual(together.throttledAttempts, WorkEstimate(summing: [WorkEstimate(first), WorkEstimate(second)]).throttledAttempts + together.scalingRateAttempts, accuracy: 1e-6)
    }

    /// Provisioned concurrency is the function's: ESMs together start warm up to its size.
    func testProvisionedConcurrencyIsSharedByTheFunctionsESMs() {
        var first = ModelFixtures.configuration(partitions: 3, backlog: 600, durationMs: 300, intervalSeconds: 10)
        first.function.provisionedConcurrentExecutions = 6
        var second = first
        second.name = "second"
        second.seed = 3
        let both = CoSimulation.run(.init(name: "pair", mappings: [first, second], pollerGroups: [nil, nil]))
        XCTAssertEqual(both.total.summary.maxConcurrency, 6)
        XCTAssertEqual(both.total.summary.coldStarts, 0, "six provisioned environments cover both ESMs' six partitions")
        var third = first
        third.name = "third"
        third.seed = 4
        let three = CoSimulation.run(.init(name: "three", mappings: [first, second, third], pollerGroups: [nil, nil, nil]))
        XCTAssertEqual(three.total.summary.coldStarts, Int64(three.total.summary.maxConcurrency - 6))
    }
}
