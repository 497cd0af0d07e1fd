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
            let step = random.next() % 4 == 0 ? 0 : SimTime(random.next() % 900_000) + 1
            let count = Int64(random.next() % 3_000) + 1
            var oneByOne = AgeHistogram()
            var repeated = AgeHistogram()
            oneByOne.add(records: 3, oldest: 10, newest: 5, at: 20)
            repeated.add(records: 3, oldest: 10, newest: 5, at: 20)
            for cycle in 1...count {
                oneByOne.add(records: records, oldest: oldest + cycle * step, newest: newest + cycle * step, at: 0)
            }
            repeated.addRepeated(.init(records: records, oldest: oldest, newest: newest, time: 0), step: step, count: count)
            XCTAssertEqual(repeated.counts, oneByOne.counts)
            XCTAssertEqual(repeated.total, oneByOne.total)
            XCTAssertEqual(repeated.quantileSeconds(0.99), oneByOne.quantileSeconds(0.99))
        }
    }

    func testJournalRecordsOnlyWhileOn() {
        var histogram = AgeHistogram()
        histogram.add(records: 1, oldest: 1, newest: 1, at: 1)
        histogram.journal = []
        histogram.add(records: 2, oldest: 9, newest: 4, at: 9)
        XCTAssertEqual(histogram.journal, [.init(records: 2, oldest: 9, newest: 4, time: 9)])
    }

    /// Backlog batches age by a cycle each cycle, batches of repeating production do not,
    /// and a batch mixing the two cannot be repeated.
    func testAgeStepFollowsTheArrivals() {
        XCTAssertEqual(AgeHistogram.Addition(records: 5, oldest: 9, newest: 9, time: 9).ageStep(period: 4), 4)
        XCTAssertEqual(AgeHistogram.Addition(records: 5, oldest: 7, newest: 3, time: 9).ageStep(period: 4), 0)
        XCTAssertNil(AgeHistogram.Addition(records: 5, oldest: 9, newest: 3, time: 9).ageStep(period: 4))
    }
}
