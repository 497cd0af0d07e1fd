@testable import ESMModel
import EventEngine
import XCTest

/// Several ESMs on one function (`CoSimulation`): the shared concurrency limit, a list of
/// one equal to the ESM alone, the group EPU packing, and totals that add up.
final class CoSimulationTests: XCTestCase {
    func provisioned(minimum: Int = 1, maximum: Int = 4) -> ESMSettings {
        var settings = ESMSettings()
        settings.provisionedPollers = .init(minimum: minimum, maximum: maximum)
        return settings
    }

    func testOneMappingEqualsTheMappingAlone() {
        let cases: [ModelConfiguration] = [
            ModelFixtures.configuration(partitions: 6, backlog: 3_000, rate: 40, seconds: 240, arrivals: .poisson, durationMs: 200, reservedConcurrency: 3),
            ModelFixtures.configuration(partitions: 4, rate: 20, seconds: 300, durationMs: 80, errorProbability: 0.05, settings: provisioned(), seed: 7),
        ]
        for configuration in cases {
            for group in [nil, "solo"] as [String?] where group == nil || configuration.settings.isProvisioned {
                let alone = ESMSimulation.run(configuration)
                let together = CoSimulation.run(.init(name: "test", mappings: [configuration], pollerGroups: [group]))
                XCTAssertEqual(together.mappings[0].rows, alone.rows)
                XCTAssertEqual(together.total.rows, alone.rows)
                var expected = alone.summary
                XCTAssertEqual(together.total.summary, expected)
                if group != nil {
                    XCTAssertEqual(together.groups.map(\.epuSeconds), [alone.summary.epuSeconds])
                    expected.epuSeconds = 0
                }
                XCTAssertEqual(together.mappings[0].summary, expected)
            }
        }
    }

    func testMappingsTogetherNeverExceedTheSharedLimitOverRandomScenarios() {
        var random = SplitMix64(state: 14)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        var throttled = 0
        for scenario in 0..<16 {
            let limit = pick(1...6)
            let mappings = (0..<pick(2...3)).map { index in
                var configuration = ModelFixtures.configuration(
                    partitions: pick(1...6), backlog: Int64(pick(0...3) * 400), rate: Double(pick(1...40)), seconds: 120,
                    arrivals: pick(0...1) == 0 ? .uniform : .poisson, durationMs: Double(pick(20...400)),
                    errorProbability: Double(pick(0...2)) * 0.05, reservedConcurrency: limit,
                    settings: pick(0...1) == 0 ? ESMSettings() : provisioned(maximum: pick(1...4)),
                    seed: random.next(), horizonSeconds: 3_600)
                configuration.name = "esm\(index)"
                return configuration
            }
            let groups = mappings.map { $0.settings.isProvisioned && pick(0...1) == 0 ? "g" : nil } as [String?]
            let result = CoSimulation.run(.init(name: "random", mappings: mappings, pollerGroups: groups))
            let label = "scenario \(scenario), limit \(limit)"
            if result.total.summary.throttles > 0 { throttled += 1 }
            XCTAssertLessThanOrEqual(result.total.summary.maxConcurrency, limit, label)
            XCTAssertTrue(result.total.rows.allSatisfy { $0.concurrencyMax <= limit }, label)
            XCTAssertTrue(result.mappings.allSatisfy { $0.summary.maxConcurrency <= limit }, label)
            XCTAssertTrue(result.mappings.allSatisfy(\.summary.drained), label)
            // No record lost or made up, ESM by ESM and in total.
            for series in result.mappings.map(\.rows) + [result.total.rows] {
                XCTAssertTrue(series.allSatisfy { $0.producedTotal == $0.processedTotal + $0.offsetLagSum + $0.recordsDropped }, label)
            }
        }
        XCTAssertGreaterThan(throttled, 4, "the scenarios reach the shared limit")
    }

    func testTotalsAddUp() {
        let first = ModelFixtures.configuration(partitions: 4, backlog: 1_000, rate: 10, seconds: 400, durationMs: 120, errorProbability: 0.02, reservedConcurrency: 5)
        var second = ModelFixtures.configuration(partitions: 2, rate: 25, seconds: 200, durationMs: 60, reservedConcurrency: 5, settings: provisioned(maximum: 2), seed: 9)
        second.name = "second"
        var third = ModelFixtures.configuration(partitions: 3, rate: 5, seconds: 900, durationMs: 60, reservedConcurrency: 5, settings: provisioned(maximum: 3), seed: 11)
        third.name = "third"
        let result = CoSimulation.run(.init(name: "three", mappings: [first, second, third], pollerGroups: [nil, "g", "g"]))
        let rowCounts = Set(result.mappings.map(\.rows.count))
        XCTAssertEqual(rowCounts, [result.total.rows.count], "every ESM is sampled at the same times")
        for row in result.total.rows.indices {
            let parts = result.mappings.map { $0.rows[row] }
            XCTAssertEqual(result.total.rows[row].producedTotal, parts.reduce(0) { $0 + $1.producedTotal })
            XCTAssertEqual(result.total.rows[row].offsetLagSum, parts.reduce(0) { $0 + $1.offsetLagSum })
            XCTAssertEqual(result.total.rows[row].invocations, parts.reduce(0) { $0 + $1.invocations })
            XCTAssertEqual(result.total.rows[row].events.invoked, parts.reduce(0) { $0 + $1.events.invoked })
            XCTAssertLessThanOrEqual(result.total.rows[row].concurrencyMax, parts.reduce(0) { $0 + $1.concurrencyMax })
            XCTAssertGreaterThanOrEqual(result.total.rows[row].concurrencyMax, parts.map(\.concurrencyMax).max() ?? 0)
            // The group's EPUs count once, the ungrouped ESM's own (none: on-demand) not at all.
            XCTAssertEqual(result.total.rows[row].epus, max(parts[1].epus, parts[2].epus))
        }
        let summaries = result.mappings.map(\.summary)
        let total = result.total.summary
        XCTAssertEqual(total.recordsProduced, summaries.reduce(0) { $0 + $1.recordsProduced })
        XCTAssertEqual(total.recordsProcessed, summaries.reduce(0) { $0 + $1.recordsProcessed })
        XCTAssertEqual(total.invocations, summaries.reduce(0) { $0 + $1.invocations })
        XCTAssertEqual(total.billedDurationMilliseconds, summaries.reduce(0) { $0 + $1.billedDurationMilliseconds })
        XCTAssertEqual(total.events.committed, summaries.reduce(0) { $0 + $1.events.committed })
        XCTAssertEqual(total.epuSeconds, result.groups[0].epuSeconds)
        XCTAssertEqual(summaries.map(\.epuSeconds), [0, 0, 0])
        XCTAssertEqual(total.meanOffsetLag, summaries.reduce(0) { $0 + $1.meanOffsetLag }, accuracy: 1e-6)
        XCTAssertEqual(total.endTime, summaries.map(\.endTime).max())
        XCTAssertLessThanOrEqual(total.maxConcurrency, 5)
        XCTAssertEqual(result.groups.map(\.members), [[1, 2]])
    }

    func testGroupBillingEqualsThePackingRuleForIdenticalESMs() {
        // k identical ESMs, co-simulated in one group, are billed what `mappingsInPollerGroup`
        // = k bills for one of them: the same claims, packed together.
        for (k, rate) in [(2, 200.0), (3, 1_500.0), (10, 20.0)] {
            var configuration = ModelFixtures.configuration(
                partitions: 4, rate: rate, seconds: 120, recordSize: .constant(4_000), durationMs: 40,
                settings: provisioned(minimum: 1, maximum: 4))
            configuration.profile.provisioned.pollerBytesPerSecond = 5_000_000
            var multiplied = configuration
            multiplied.mappingsInPollerGroup = k
            let packed = ESMSimulation.run(multiplied)
            let group = CoSimulation.run(.init(
                name: "group", mappings: Array(repeating: configuration, count: k), pollerGroups: Array(repeating: "g", count: k)))
            XCTAssertEqual(group.groups[0].epuSeconds, packed.summary.epuSeconds, "k \(k)")
            XCTAssertEqual(group.total.rows.map(\.epus), packed.rows.map(\.epus), "k \(k)")
            // Without the group each ESM pays for its own EPUs.
            let apart = CoSimulation.run(.init(
                name: "apart", mappings: Array(repeating: configuration, count: k), pollerGroups: Array(repeating: nil, count: k)))
            XCTAssertEqual(apart.total.summary.epuSeconds, Int64(k) * ESMSimulation.run(configuration).summary.epuSeconds, "k \(k)")
        }
    }

    func testThrottlingIsSharedFairly() {
        // Two identical ESMs behind a limit of half their partitions: neither is starved.
        let first = ModelFixtures.configuration(partitions: 6, backlog: 12_000, rate: 20, seconds: 200, arrivals: .poisson, durationMs: 200, reservedConcurrency: 4)
        var second = first
        second.seed = 2
        let result = CoSimulation.run(.init(name: "pair", mappings: [first, second], pollerGroups: [nil, nil]))
        let ends = result.mappings.map { Double($0.summary.drainTime ?? 0) }
        let throttles = result.mappings.map { Double($0.summary.throttles) }

        XCTAssertEqual(ends[0] / ends[1], 1, accuracy: 0.1)
        XCTAssertEqual(throttles[0] / throttles[1], 1, accuracy: 0.2)
    }

    func testAHorizonStopKeepsTheESMsRowsAligned() {
        // The first ESM cannot drain before the horizon; the second drains early and is
        // sampled on until the run stops, so the total adds up row by row.
        let slow = ModelFixtures.configuration(partitions: 2, backlog: 1_000_000, durationMs: 400, reservedConcurrency: 2, horizonSeconds: 600, intervalSeconds: 7)
        var quick = ModelFixtures.configuration(partitions: 2, backlog: 200, durationMs: 20, reservedConcurrency: 2, seed: 5, horizonSeconds: 600, intervalSeconds: 7)
        quick.name = "quick"
        let result = CoSimulation.run(.init(name: "pair", mappings: [slow, quick], pollerGroups: [nil, nil]))
        XCTAssertNil(result.mappings[0].summary.drainTime)
        XCTAssertNotNil(result.mappings[1].summary.drainTime)
        XCTAssertNil(result.total.summary.drainTime, "the function drained only if every ESM did")
        XCTAssertEqual(result.mappings[0].rows.map(\.time), result.mappings[1].rows.map(\.time))
        XCTAssertEqual(result.total.rows.map(\.time), result.mappings[0].rows.map(\.time))
        XCTAssertEqual(result.total.rows.last?.offsetLagSum, result.mappings[0].rows.last!.offsetLagSum + result.mappings[1].rows.last!.offsetLagSum)
        XCTAssertEqual(result.total.summary.endTime, Ticks.seconds(600))
    }

    func testDeterministic() {
        let first = ModelFixtures.configuration(partitions: 5, backlog: 500, rate: 30, seconds: 300, arrivals: .poisson, durationMs: 300, reservedConcurrency: 3)
        var second = first
        second.seed = 2
        let configuration = CoSimulationConfiguration(name: "pair", mappings: [first, second], pollerGroups: [nil, nil])
        XCTAssertEqual(CoSimulation.run(configuration), CoSimulation.run(configuration))
    }
}
