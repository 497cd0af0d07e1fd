import XCTest
import EventEngine
@testable import ESMModel

/// The model's arithmetic at the edges of valid input: huge counts, extreme splits and
/// horizons, with no overflow and no unbounded work.
final class ExtremeInputTests: XCTestCase {
    func testInternalChecksAreCompiledIntoDebugBuilds() {
        #if DEBUG
        XCTAssertTrue(ESMSimulation.internalChecksEnabled, "debug builds must define ESMSIM_INTERNAL_CHECKS")
        #endif
    }

    func testPartitionSplitNeverOverflows() {
        let even = PartitionSplit(partitions: 1_000_000)
        XCTAssertEqual(even.count(of: 999_999, total: 1_000_000_000_000_000), 1_000_000_000)
        XCTAssertNil(even.totalNeeded(for: 5, records: Int64.max / 2))
        let nearlyAllHot = PartitionSplit(partitions: 1_000_000, hotShare: 0.999_999_999)
        // A cold partition's records come so slowly that its 10,000th never arrives in Int64 counts.
        XCTAssertNil(nearlyAllHot.totalNeeded(for: 7, records: 10_000))
        XCTAssertNotNil(nearlyAllHot.totalNeeded(for: 7, records: 1))
        let tinyHot = PartitionSplit(partitions: 3, hotShare: 1e-9)
        XCTAssertNil(tinyHot.totalNeeded(for: 0, records: 1_000_000_000_000))
        XCTAssertEqual(tinyHot.totalNeeded(for: 0, records: 1), 1_000_000_000)
        let allHot = PartitionSplit(partitions: 4, hotShare: 1)
        XCTAssertNil(allHot.totalNeeded(for: 2, records: 1))
        XCTAssertEqual(allHot.count(of: 0, total: 1_000_000_000_000), 1_000_000_000_000)
    }

    func testSplitRoundTripsAtLargeCounts() {
        let split = PartitionSplit(partitions: 10_000, hotShare: 0.3)
        for partition in [0, 1, 5_000, 9_999] {
            for records: Int64 in [1, 1_000_000, 100_000_000_000] {
                guard let total = split.totalNeeded(for: partition, records: records) else { return XCTFail("never for \(partition)") }
                XCTAssertEqual(split.count(of: partition, total: total), records)
                XCTAssertEqual(split.count(of: partition, total: total - 1), records - 1)
            }
        }
    }

    /// Counts up to 2^53 are exact (the run limits refuse more); a year at 10^8 records/s
    /// on top of a 10^15 backlog stays below that.
    func testArrivalCurveAtAYearOfAHighRate() {
        let year = 366 * 86_400 * Ticks.perSecond
        let schedule = ProductionSchedule(pieces: [.init(start: 0, end: year, recordsPerSecond: 1e8)])
        var curve = ArrivalCurve(schedule: schedule, initialCount: 1_000_000_000_000_000, random: RandomStream(seed: 1))
        let total = curve.count(at: year)
        XCTAssertEqual(total, 1_000_000_000_000_000 + 3_162_240_000_000_000)
        XCTAssertEqual(curve.time(reaching: total, notBefore: 0), year)
        XCTAssertNil(curve.time(reaching: total + 1, notBefore: 0))
        XCTAssertEqual(Ticks.seconds(1e300), SimTime.max / 2)
    }

    func testAFunctionThatAlwaysFailsStopsAtTheHorizon() {
        var profile = BehaviourProfile(name: "test", summary: "neutral")
        profile.onDemand.pollOverheadSeconds = 0.05
        let configuration = ModelConfiguration(
            name: "stuck", topic: TopicSpec(partitions: 3, backlogRecords: 100),
            production: .none, function: FunctionSpec(duration: .distribution(.constant(840_000)), errorProbability: 1),
            settings: ESMSettings(), profile: profile, horizon: 30 * 86_400 * Ticks.perSecond)
        let estimate = WorkEstimate(configuration)
        XCTAssertTrue(estimate.events.isFinite)
        XCTAssertLessThan(estimate.invocations, 20_000)
        let result = ESMSimulation.run(configuration)
        XCTAssertNil(result.summary.drainTime)
        XCTAssertEqual(result.summary.endTime, configuration.horizon)
        XCTAssertEqual(result.summary.finalOffsetLag, 100)
        XCTAssertEqual(result.rows.count, 30 * 24 * 60 + 1)
        XCTAssertLessThanOrEqual(Double(result.summary.invocations), estimate.invocations)
    }
}
