@testable import ESMModel
import EventEngine
import XCTest

/// What the compressed path relies on while production runs: the uniform arrival curve
/// and the split over partitions repeat exactly, shifted.
final class WorkloadRepetitionTests: XCTestCase {
    /// Over a split's period every partition gains the same number of records, whatever
    /// the total it starts from.
    func testSplitsRepeatAfterTheirPeriod() {
        var random = RandomStream(seed: 41)
        let splits = [
            PartitionSplit(partitions: 7), PartitionSplit(partitions: 6, hotShare: 0.25),
            PartitionSplit(partitions: 3, hotShare: 0.5), PartitionSplit(weights: [1, 3, 2, 2]),
            PartitionSplit(weights: [3, 1]),
        ]
        for split in splits {
            guard let period = split.period else { return XCTFail("\(split) has no period") }
            XCTAssertLessThan(period, 1_000_000, "\(split)")
            for partition in 0..<split.partitions {
                let gain = split.count(of: partition, total: period)
                for _ in 0..<50 {
                    let total = Int64(random.next() % 10_000_000)
                    XCTAssertEqual(split.count(of: partition, total: total + period) - split.count(of: partition, total: total), gain, "\(split)")
                }
            }
        }
        // Shares in parts per billion with no common factor repeat only after 10^9 records or
        // more, and thirds nested in thirds do not repeat within 63 bits.
        XCTAssertNil(PartitionSplit(weights: [1, 2, 4, 1, 2]).period)
        XCTAssertGreaterThanOrEqual(PartitionSplit(partitions: 4, hotShare: 0.123456789).period ?? .max, 1_000_000_000)
    }

    /// Two moments of one rate stretch with the same phase see the same arrivals after
    /// them, and the inverse finds the first moment a count is reached.
    func testUniformArrivalsRepeatWithTheirPhase() {
        var random = RandomStream(seed: 5)
        for rate in [50_000.0, 300, 263, 1_234.5, 0.75, 3_333.333333] {
            let schedule = ProductionSchedule(pieces: [
                .init(start: 0, end: 7 * Ticks.perSecond, recordsPerSecond: 17.5),
                .init(start: 7 * Ticks.perSecond, end: 4_000 * Ticks.perSecond, recordsPerSecond: rate),
            ])
            var curve = ArrivalCurve(schedule: schedule, initialCount: 10, random: RandomStream(seed: 1))
            var seen: [Int64: SimTime] = [:]
            var repeats = 0
            for step in 0..<4_000 {
                let time = 8 * Ticks.perSecond + SimTime(step) * 997
                let phase = curve.rateStretch(at: time).phase
                if let earlier = seen[phase] {
                    repeats += 1
                    for _ in 0..<5 {
                        let ahead = SimTime(random.next() % 3_000_000)
                        var copy = curve
                        XCTAssertEqual(copy.count(at: time + ahead) - copy.count(at: time), copy.count(at: earlier + ahead) - copy.count(at: earlier), "rate \(rate)")
                    }
                } else {
                    seen[phase] = time
                }
                let count = curve.count(at: time)
                let reached = curve.time(reaching: count + 1, notBefore: time)!
                XCTAssertEqual(curve.count(at: reached), count + 1)
                XCTAssertEqual(curve.count(at: reached - 1), count, "rate \(rate)")
            }
            if rate == 50_000 { XCTAssertGreaterThan(repeats, 0) }
        }
    }

    /// Rates are taken as the fractions they are written as: whole, decimal, 1/120.
    func testRatesAreExactFractions() {
        let cases: [(Double, Int64, Int64)] = [(50_000, 50_000, 1), (1.0 / 120, 1, 120), (0.1, 1, 10), (1_234.567, 1_234_567, 1_000), (2.5, 5, 2)]
        for (rate, numerator, denominator) in cases {
            let fraction = ExactRatio.rational(approximating: rate, denominatorLimit: ArrivalCurve.rateDenominatorLimit)
            XCTAssertEqual(fraction.numerator, numerator, "\(rate)")
            XCTAssertEqual(fraction.denominator, denominator, "\(rate)")
        }
        let awkward = ExactRatio.rational(approximating: 504.32046448566877, denominatorLimit: 1_000_000)
        XCTAssertLessThanOrEqual(awkward.denominator, 1_000_000)
        XCTAssertEqual(Double(awkward.numerator) / Double(awkward.denominator), 504.32046448566877, accuracy: 1e-9)
    }

    /// A month at 50,000 records/s counts exactly, without overflow.
    func testLongHighRatesDoNotOverflow() {
        let month = 30 * 86_400 * Ticks.perSecond
        var curve = ArrivalCurve(
            schedule: ProductionSchedule(pieces: [.init(start: 0, end: month, recordsPerSecond: 50_000.000001)]),
            initialCount: 0, random: RandomStream(seed: 1))
        XCTAssertEqual(curve.count(at: month), 129_600_000_002)
        // The smallest t with ⌊50,000,000,001 × t / 10^12⌋ >= 1.296 × 10^11 is ⌈2,591,999,999,948.16⌉.
        XCTAssertEqual(curve.time(reaching: 129_600_000_000, notBefore: 0), 2_591_999_999_949)
    }
}
