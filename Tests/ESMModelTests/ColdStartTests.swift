@testable import ESMModel
import EventEngine
import XCTest

/// Lambda's execution environments: the scaling rate (at most so many new environments
/// in any window), cold starts only on a new environment's first invocation, idle
/// environments reclaimed, and provisioned concurrency removing cold starts up to its size.
final class ColdStartTests: XCTestCase {
    // MARK: The scaling rate

    /// Over random attempts, no span of `window` ever holds more than `limit` creations,
    /// and an attempt is refused only when the window ending at it already holds `limit`.
    func testTheScalingRateIsASlidingWindowLimit() {
        for seed in UInt64(1)...60 {
            var random = RandomStreams(seed: seed).stream("scaling rate")
            let limit = 1 + Int(random.nextUnit() * 20)
            let window = SimTime(1 + random.nextUnit() * 1_000)
            var rate = EnvironmentScalingRate(limit: limit, window: window)
            var created: [SimTime] = []
            var time: SimTime = 0
            for _ in 0..<2_000 {
                time += SimTime(random.nextUnit() * (Double(window) / Double(limit) * 2 + 1))
                let inWindow = created.reversed().prefix { $0 > time - window }.count
                if rate.allows(at: time) {
                    XCTAssertLessThan(inWindow, limit, "seed \(seed): allowed a creation with the window full")
                    rate.record(at: time)
                    created.append(time)
                } else {
                    XCTAssertEqual(inWindow, limit, "seed \(seed): refused with room in the window")
                }
            }
            var first = 0
            for last in created.indices {
                while created[last] - created[first] >= window { first += 1 }
                XCTAssertLessThanOrEqual(last - first + 1, limit, "seed \(seed): more than \(limit) creations within \(window) ticks")
            }
            XCTAssertGreaterThan(created.count, limit, "seed \(seed): the test should reach the limit")
        }
    }

    // MARK: The pool

    static func pool(provisioned: Int = 0, limit: Int = 1_000, window: SimTime = 10 * Ticks.perSecond, idleSeconds: Double = 600) -> ExecutionEnvironmentPool {
        ExecutionEnvironmentPool(
            provisioned: provisioned, scalingRate: EnvironmentScalingRate(limit: limit, window: window),
            idleLifetime: Ticks.seconds(idleSeconds))
    }

    /// With nothing reclaimed, each environment's first invocation is its only cold one:
    /// the cold starts are exactly the most invocations at once beyond the provisioned
    /// ones, and a start is cold only when every environment is busy.
    func testColdStartsOnlyOnANewEnvironmentsFirstInvocation() {
        for seed in UInt64(1)...40 {
            var random = RandomStreams(seed: seed).stream("pool")
            let provisioned = Int(random.nextUnit() * 8)
            var pool = Self.pool(provisioned: provisioned, idleSeconds: 86_400)
            var time: SimTime = 0
            var peak = 0
            for _ in 0..<3_000 {
                time += SimTime(random.nextUnit() * 1_000)
                if pool.busy > 0 && random.nextUnit() < 0.5 {
                    pool.release(at: time)
                    XCTAssertNotEqual(pool.assignment(at: time), .cold, "an environment freed at an instant serves a start at that instant")
                    continue
                }
                let idleBefore = pool.idleOnDemand(at: time) + max(provisioned - pool.busy, 0)
                let assignment = pool.acquire(at: time)
                XCTAssertEqual(assignment == .cold, idleBefore == 0, "seed \(seed): cold exactly when no environment is idle")
                peak = max(peak, pool.busy)
            }
            XCTAssertEqual(pool.coldStarts, Int64(max(peak - provisioned, 0)), "seed \(seed)")
        }
    }

    func testAnEnvironmentIdleForItsLifetimeIsReclaimed() {
        var pool = Self.pool(idleSeconds: 600)
        XCTAssertEqual(pool.acquire(at: 0), .cold)
        pool.release(at: Ticks.seconds(1))
        XCTAssertEqual(pool.idleOnDemand(at: Ticks.seconds(600)), 1)
        var reused = pool
        XCTAssertEqual(reused.acquire(at: Ticks.seconds(601) - 1), .warm, "idle just under its lifetime: still warm")
        XCTAssertEqual(pool.idleOnDemand(at: Ticks.seconds(601)), 0)
        XCTAssertEqual(pool.acquire(at: Ticks.seconds(601)), .cold, "idle for its lifetime: reclaimed")
        XCTAssertEqual(pool.coldStarts, 2)
    }

    func testProvisionedEnvironmentsAreNeverReclaimed() {
        var pool = Self.pool(provisioned: 2, idleSeconds: 1)
        XCTAssertEqual((0..<3).map { _ in pool.acquire(at: 0) }, [.provisioned, .provisioned, .cold])
        for _ in 0..<3 { pool.release(at: 1) }
        let day = Ticks.seconds(86_400)
        XCTAssertEqual((0..<3).map { _ in pool.acquire(at: day) }, [.provisioned, .provisioned, .cold], "the on-demand one idled out")
        XCTAssertEqual(pool.coldStarts, 2)
    }

    func testTheScalingRateThrottlesNewEnvironmentsButNotWarmOnes() {
        var pool = Self.pool(limit: 2, window: 100)
        XCTAssertEqual([0, 10, 20].map { pool.acquire(at: $0) }, [.cold, .cold, .throttled])
        XCTAssertEqual(pool.busy, 2, "a throttled start takes nothing")
        pool.release(at: 30)
        XCTAssertEqual(pool.acquire(at: 30), .warm, "warm starts never meet the rate")
        XCTAssertEqual(pool.acquire(at: 99), .throttled)
        XCTAssertEqual(pool.acquire(at: 100), .cold, "the first creation left the window")
    }

    // MARK: In a run

    /// One record every 120 s on one partition, BatchSize 1: each batch runs alone.
    func trickle(idleSeconds: Double, initMs: Double?) -> RunSummary {
        var profile = ModelFixtures.profile()
        profile.idleEnvironmentLifetimeSeconds = idleSeconds
        var configuration = ModelFixtures.configuration(
            partitions: 1, rate: 1.0 / 120, seconds: 3_600, durationMs: 50,
            settings: ESMSettings(batchSize: 1, batchingWindow: 0), profile: profile)
        configuration.function.initDuration = initMs.map(Distribution.constant)
        return ESMSimulation.run(configuration).summary
    }

    func testInitDurationIsAddedAndBilledOnlyOnColdStarts() {
        let kept = trickle(idleSeconds: 600, initMs: 1_000)
        XCTAssertEqual(kept.invocations, 30)
        XCTAssertEqual(kept.coldStarts, 1, "one environment, kept warm between records 120 s apart")
        XCTAssertEqual(kept.billedDurationMilliseconds, 30 * 50 + 1_000)
        let reclaimed = trickle(idleSeconds: 60, initMs: 1_000)
        XCTAssertEqual(reclaimed.coldStarts, 30, "reclaimed after 60 s idle: every record starts cold")
        XCTAssertEqual(reclaimed.billedDurationMilliseconds, 30 * (50 + 1_000))
        let instant = trickle(idleSeconds: 60, initMs: nil)
        XCTAssertEqual(instant.coldStarts, 30, "cold starts are counted without an initDurationMs")
        XCTAssertEqual(instant.billedDurationMilliseconds, 30 * 50)
    }

    /// Ten partitions on two provisioned pollers: ten invocations at once, all through the run.
    func tenAtOnce(provisionedConcurrency: Int, initMs: Double? = 500) -> RunResult {
        var configuration = ModelFixtures.configuration(
            partitions: 10, backlog: 20_000, durationMs: 100,
            settings: ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 2, maximum: 2)))
        configuration.function.provisionedConcurrentExecutions = provisionedConcurrency
        configuration.function.initDuration = initMs.map(Distribution.constant)
        return ESMSimulation.run(configuration)
    }

    func testProvisionedConcurrencyRemovesColdStartsUpToItsSize() {
        for provisioned in [0, 4, 10, 20] {
            for initMs in [500, nil] as [Double?] {
                let summary = tenAtOnce(provisionedConcurrency: provisioned, initMs: initMs).summary
                XCTAssertEqual(summary.maxConcurrency, 10)
                XCTAssertEqual(summary.coldStarts, Int64(max(10 - provisioned, 0)), "provisioned \(provisioned), init \(String(describing: initMs))")
                XCTAssertEqual(summary.billedDurationMilliseconds, summary.invocations * 100 + (initMs.map { Int64($0) } ?? 0) * summary.coldStarts)
            }
        }
        let rows = tenAtOnce(provisionedConcurrency: 4).rows
        XCTAssertEqual(rows.reduce(0) { $0 + $1.coldStarts }, 6, "the time series adds up to the summary")
    }

    /// A rate of 20 new environments per 10 s, 100 partitions all wanting an invocation at
    /// once: at most 20 start cold in any 10 s, the rest are throttled and retried (and
    /// find the environments already made warm, or wait for the next allowance).
    func testTheRunNeverCreatesMoreEnvironmentsThanTheRateAllows() {
        var profile = ModelFixtures.profile()
        profile.scalingRateEnvironments = 20
        profile.scalingRateWindowSeconds = 10
        let configuration = ModelFixtures.configuration(
            partitions: 100, backlog: 100_000, durationMs: 50,
            settings: ESMSettings(batchSize: 10, provisionedPollers: .init(minimum: 20, maximum: 20)),
            profile: profile, intervalSeconds: 10)
        let result = ESMSimulation.run(configuration)
        XCTAssertGreaterThan(result.summary.coldStarts, 20, "environments are created in more than one window")
        XCTAssertEqual(result.summary.coldStarts, Int64(result.summary.maxConcurrency), "nothing is reclaimed in so short a run")
        XCTAssertGreaterThan(result.summary.throttles, 0, "the rate throttled starts")
        XCTAssertEqual(result.summary.recordsProcessed, 100_000)
        for row in result.rows { XCTAssertLessThanOrEqual(row.coldStarts, 20, "at \(Ticks.toSeconds(row.time)) s") }
        XCTAssertEqual(result.rows.first { $0.coldStarts > 0 }?.coldStarts, 20, "the first window creates its full allowance")
        // The default rate (1,000 per 10 s) lets all 100 start at once.
        var unlimited = configuration
        unlimited.profile = ModelFixtures.profile()
        let fast = ESMSimulation.run(unlimited).summary
        XCTAssertEqual(fast.throttles, 0)
        XCTAssertEqual(fast.coldStarts, 100)
    }

    /// Cold starts that take no time, under a rate that cannot bind, keep the shortcut of
    /// committing a batch to its invocation at fetch: the same run either way.
    func testColdStartsWithoutTimeChangeNothingButTheirCount() {
        let plain = tenAtOnce(provisionedConcurrency: 0, initMs: nil).summary
        let zero = tenAtOnce(provisionedConcurrency: 0, initMs: 0).summary
        XCTAssertEqual(plain, zero)
        let slow = tenAtOnce(provisionedConcurrency: 0, initMs: 500).summary
        XCTAssertGreaterThan(slow.drainTime ?? 0, plain.drainTime ?? 0)
    }

    /// A run throttled by a slow scaling rate is estimated as the work it is, so the
    /// command line can refuse it up front rather than run for hours.
    func testTheWorkEstimateCountsScalingRateThrottles() {
        var slow = ModelFixtures.profile()
        slow.scalingRateEnvironments = 1
        slow.scalingRateWindowSeconds = 3_600
        let settings = ESMSettings(provisionedPollers: .init(minimum: 20, maximum: 20))
        let throttled = WorkEstimate(ModelFixtures.configuration(partitions: 100, backlog: 1_000_000, settings: settings, profile: slow))
        // 99 invocations wait all day for an environment, retrying every 0.5 s.
        XCTAssertEqual(throttled.throttledAttempts, 99 * (86_400 / 0.5 + 1), accuracy: 1)
        let fast = WorkEstimate(ModelFixtures.configuration(partitions: 100, backlog: 1_000_000, settings: settings))
        XCTAssertEqual(fast.throttledAttempts, 0)
    }
}
