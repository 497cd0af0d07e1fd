@testable import ESMModel
import EventEngine
import XCTest

/// The `EventCount` metrics agree with the run's records at every sample and in total.
final class EventCountTests: XCTestCase {
    static func configuration(seed: UInt64, filter: Double?, destination: Bool) -> ModelConfiguration {
        var settings = ESMSettings(batchSize: 40, maximumRetryAttempts: 1, hasOnFailureDestination: destination)
        settings.filterMatchShare = filter
        return ModelFixtures.configuration(
            partitions: 7, backlog: 5_000, rate: 300, seconds: 900, arrivals: .poisson,
            recordSize: .lognormal(mu: 6, sigma: 0.8), hotShare: 0.3, errorProbability: 0.05,
            reservedConcurrency: 4, settings: settings, seed: seed, intervalSeconds: 10)
    }

    func testCountsAddUpAtEverySampleAndInTotal() {
        for (seed, filter, destination) in [(UInt64(1), nil, false), (2, 0.6, true), (3, 0.05, true), (4, nil, true)] as [(UInt64, Double?, Bool)] {
            let result = ESMSimulation.run(Self.configuration(seed: seed, filter: filter, destination: destination))
            let total = result.summary.events
            var sum = EventCounts()
            var committed: Int64 = 0
            for row in result.rows {
                committed += row.events.committed
                // CommittedEventCount is each partition's committed-offset advance: lag's complement.
                XCTAssertEqual(committed, row.producedTotal - row.offsetLagSum, "seed \(seed) t=\(row.time)")
                XCTAssertGreaterThanOrEqual(row.events.filteredOut, 0)
                XCTAssertLessThanOrEqual(row.events.filteredOut, row.events.polled)
                sum = sum.merged(with: row.events, +)
            }
            XCTAssertEqual(sum, total, "the rows' intervals add up to the run's totals")
            XCTAssertTrue(result.summary.drained)
            XCTAssertEqual(total.polled, result.summary.recordsProduced)
            XCTAssertEqual(total.committed, total.polled)
            XCTAssertEqual(total.dropped, result.summary.recordsDropped)
            XCTAssertGreaterThan(total.dropped, 0)
            XCTAssertEqual(total.onFailureDestinationDelivered, destination ? total.dropped : 0)
            // Every invoked record either succeeded or failed; retries count again.
            XCTAssertEqual(total.invoked, result.summary.recordsProcessed - total.filteredOut + total.failedInvoke, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(total.failedInvoke, result.summary.errors)
            XCTAssertEqual(total.committed, result.summary.recordsProcessed + total.dropped)
            for row in result.rows {
                XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped, "t=\(row.time)")
            }
            if let filter {
                let passed = Double(total.polled - total.filteredOut) / Double(total.polled)
                XCTAssertEqual(passed, filter, accuracy: 0.01, "seed \(seed)")
            } else {
                XCTAssertEqual(total.filteredOut, 0)
            }
        }
    }
}
