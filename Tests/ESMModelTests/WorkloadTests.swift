@testable import ESMModel
import EventEngine
import XCTest

/// Production curves and the split over partitions.
final class WorkloadTests: XCTestCase {
    func testEvenSplitDealsRoundRobin() {
        let split = PartitionSplit(partitions: 3)
        XCTAssertEqual((0..<3).map { split.count(of: $0, total: 10) }, [4, 3, 3])
        for partition in 0..<3 {
            for records in Int64(1)...20 {
                let needed = split.totalNeeded(for: partition, records: records)!
                XCTAssertEqual(split.count(of: partition, total: needed), records)
                XCTAssertEqual(split.count(of: partition, total: needed - 1), records - 1)
            }
        }
    }

    func testHotPartitionTakesItsShare() {
        let split = PartitionSplit(partitions: 5, hotShare: 0.4)
        let total: Int64 = 1_000_000
        XCTAssertEqual(split.count(of: 0, total: total), 400_000)
        XCTAssertEqual((0..<5).reduce(Int64(0)) { $0 + split.count(of: $1, total: total) }, total)
        for partition in 0..<5 {
            for records in [Int64(1), 7, 1_234] {
                let needed = split.totalNeeded(for: partition, records: records)!
                XCTAssertGreaterThanOrEqual(split.count(of: partition, total: needed), records)
                XCTAssertLessThan(split.count(of: partition, total: needed - 1), records)
            }
        }
    }

    func testHugeTotalsDoNotOverflow() {
        let split = PartitionSplit(partitions: 10_000, hotShare: 0.25)
        let total: Int64 = 1_000_000_000_000
        XCTAssertEqual(split.count(of: 0, total: total), 250_000_000_000)
    }

    func testUniformCurveCountsAndInverts() {
        let schedule = ProductionSchedule(pieces: [
            .init(start: 0, end: Ticks.seconds(10), recordsPerSecond: 3),
            .init(start: Ticks.seconds(20), end: Ticks.seconds(30), recordsPerSecond: 1),
        ])
        var curve = ArrivalCurve(schedule: schedule, initialCount: 5, random: RandomStream(seed: 1))
        XCTAssertEqual(curve.count(at: 0), 5)
        XCTAssertEqual(curve.count(at: Ticks.seconds(1)), 8)
        XCTAssertEqual(curve.count(at: Ticks.seconds(15)), 35, "flat in the quiet gap")
        XCTAssertEqual(curve.count(at: Ticks.seconds(40)), 45)
        XCTAssertEqual(curve.time(reaching: 36, notBefore: 0), Ticks.seconds(21))
        XCTAssertEqual(curve.time(reaching: 35, notBefore: Ticks.seconds(12)), Ticks.seconds(12))
        XCTAssertNil(curve.time(reaching: 46, notBefore: 0))
    }

    func testPoissonCurveIsOneFunctionOfTheSeed() {
        let schedule = ProductionSchedule(pieces: [.init(start: 0, end: Ticks.seconds(100), recordsPerSecond: 50)], arrivals: .poisson)
        var early = ArrivalCurve(schedule: schedule, initialCount: 0, random: RandomStream(seed: 8))
        var late = ArrivalCurve(schedule: schedule, initialCount: 0, random: RandomStream(seed: 8))
        _ = late.time(reaching: 4_000, notBefore: 0)  // generate far ahead first
        for second in stride(from: 0, through: 100, by: 7) {
            XCTAssertEqual(early.count(at: Ticks.seconds(Double(second))), late.count(at: Ticks.seconds(Double(second))))
        }
        XCTAssertEqual(Double(early.count(at: Ticks.seconds(100))), 5_000, accuracy: 300)
    }
}
