@testable import ESMModel
import EventEngine
import XCTest

/// `FilterCriteria`: filtered-out records are polled and committed but never invoked.
final class FilterCriteriaTests: XCTestCase {
    static func backlogRun(share: Double?, batchSize: Int = 100, profile: BehaviourProfile = ModelFixtures.profile()) -> RunResult {
        var settings = ESMSettings(batchSize: batchSize, batchingWindow: 0)
        settings.filterMatchShare = share
        return ESMSimulation.run(ModelFixtures.configuration(partitions: 1, backlog: 10_000, settings: settings, profile: profile))
    }

    func testBatchSizeCountsOnlyMatchedRecords() {
        let unfiltered = Self.backlogRun(share: nil).summary
        let half = Self.backlogRun(share: 0.5).summary
        XCTAssertEqual(unfiltered.invocations, 100)
        // Each batch polls 200 records to fill 100 matching ones.
        XCTAssertEqual(half.invocations, 50)
        XCTAssertEqual(half.events.invoked, 5_000)
        XCTAssertEqual(half.events.filteredOut, 5_000)
        XCTAssertEqual(half.events.polled, 10_000)
        XCTAssertEqual(half.events.committed, 10_000)
        // Filtered-out records count as processed: committed with nothing left to do.
        XCTAssertEqual(half.recordsProcessed, 10_000)
        XCTAssertEqual(half.finalOffsetLag, 0)
        XCTAssertTrue(half.drained)
        XCTAssertLessThan(half.billedDurationMilliseconds, unfiltered.billedDurationMilliseconds)
    }

    func testNothingMatchingIsCommittedWithoutInvocations() {
        let none = Self.backlogRun(share: 0).summary
        XCTAssertEqual(none.invocations, 0)
        XCTAssertEqual(none.billedDurationMilliseconds, 0)
        XCTAssertEqual(none.events.filteredOut, 10_000)
        XCTAssertEqual(none.events.committed, 10_000)
        XCTAssertTrue(none.drained)
        XCTAssertEqual(none.finalOffsetLag, 0)
    }

    func testEveryRecordMatchingIsTheUnfilteredRun() {
        // Filters keep the batch-by-batch path, so only the compressed steps and the events
        // handled one by one may differ.
        var unfiltered = Self.backlogRun(share: nil)
        let filtered = Self.backlogRun(share: 1)
        unfiltered.summary.compressedSteps = 0
        unfiltered.summary.handledEvents = filtered.summary.handledEvents
        XCTAssertEqual(filtered, unfiltered)
    }

    func testFilteredOutRecordsUsePollerThroughput() {
        // 100 KB/s per poller: the 10 MB backlog takes about 100 s to poll, filtered or not.
        var profile = ModelFixtures.profile()
        profile.onDemand.pollerBytesPerSecond = 100_000
        let unfiltered = Self.backlogRun(share: nil, profile: profile).summary
        let tenth = Self.backlogRun(share: 0.1, profile: profile).summary
        let unfilteredDrain = Ticks.toSeconds(unfiltered.drainTime ?? 0)
        let filteredDrain = Ticks.toSeconds(tenth.drainTime ?? 0)
        XCTAssertGreaterThan(unfilteredDrain, 95)
        XCTAssertGreaterThan(filteredDrain, 0.9 * unfilteredDrain, "filtered records cost poller throughput too")
        XCTAssertEqual(tenth.invocations, 10)
    }

    func testMatchedShareIsExactPerPartitionWithWindows() {
        // A trickle with a batching window: short batches, still exactly ⌊n × share⌋ matched.
        var settings = ESMSettings(batchSize: 10, batchingWindow: 2 * Ticks.perSecond)
        settings.filterMatchShare = 0.3
        let result = ESMSimulation.run(ModelFixtures.configuration(partitions: 3, rate: 7, seconds: 600, settings: settings))
        let events = result.summary.events
        XCTAssertEqual(events.polled, 4_200)
        XCTAssertEqual(events.polled - events.filteredOut, 3 * 1_400 * 3 / 10)
        XCTAssertEqual(events.invoked, result.summary.recordsProcessed - events.filteredOut)
        XCTAssertTrue(result.summary.drained)
    }

    func testProportionalCountInvertsBothSides() {
        for share in [0.0, 1e-9, 0.3, 0.5, 0.999, 1.0] {
            let count = ProportionalCount(share: share)
            for records in Int64(1)...300 {
                if let needed = count.totalNeeded(in: records) {
                    XCTAssertGreaterThanOrEqual(count.count(of: needed), records)
                    XCTAssertLessThan(count.count(of: needed - 1), records, "share \(share)")
                } else {
                    XCTAssertEqual(count.parts, 0)
                }
                if let needed = count.totalNeeded(out: records) {
                    XCTAssertGreaterThanOrEqual(needed - count.count(of: needed), records)
                    XCTAssertLessThan(needed - 1 - count.count(of: needed - 1), records, "share \(share)")
                } else {
                    XCTAssertEqual(count.parts, ProportionalCount.scale)
                }
            }
        }
    }
}
