import XCTest
import EventEngine
@testable import ESMModel

/// `AgeHistogram.addRepeated` must leave exactly what the repeated `add` calls leave:
/// the compressed path's record ages depend on it.
final class AgeHistogramRepetitionTests: XCTestCase {
    func testRepeatedAdditionMatchesAddingOneByOne() {
        var random = RandomStream(seed: 7)
        for _ in 0..<200 {
            let records = Int64(random.next() % 10_000) + 1
            let newest = SimTime(random.next() % 5_000_000)
            let oldest = newest + (random.next() % 2 == 0 ? 0 : SimTime(random.next() % 3_000_000))
            let step = SimTime(random.next() % 900_000) + 1
            let count = Int64(random.next() % 3_000) + 1
            var oneByOne = AgeHistogram()
            var repeated = AgeHistogram()
            oneByOne.add(records: 3, oldest: 10, newest: 5)
            repeated.add(records: 3, oldest: 10, newest: 5)
            for cycle in 1...count {
                oneByOne.add(records: records, oldest: oldest + cycle * step, newest: newest + cycle * step)
            }
            repeated.addRepeated(.init(records: records, oldest: oldest, newest: newest), step: step, count: count)
            XCTAssertEqual(repeated.counts, oneByOne.counts)
            XCTAssertEqual(repeated.total, oneByOne.total)
            XCTAssertEqual(repeated.quantileSeconds(0.99), oneByOne.quantileSeconds(0.99))
        }
    }

    func testJournalRecordsOnlyWhileOn() {
        var histogram = AgeHistogram()
        histogram.add(records: 1, oldest: 1, newest: 1)
        histogram.journal = []
        histogram.add(records: 2, oldest: 9, newest: 4)
        XCTAssertEqual(histogram.journal, [.init(records: 2, oldest: 9, newest: 4)])
    }
}
