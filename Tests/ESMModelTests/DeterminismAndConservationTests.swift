@testable import ESMModel
import EventEngine
import XCTest

/// Identical seeds give identical runs; records are never created or lost.
final class DeterminismAndConservationTests: XCTestCase {
    static func noisyConfiguration(seed: UInt64) -> ModelConfiguration {
        ModelFixtures.configuration(
            partitions: 7, backlog: 5_000, rate: 300, seconds: 900, arrivals: .poisson,
            recordSize: .lognormal(mu: 6, sigma: 0.8), hotShare: 0.3, errorProbability: 0.05,
            reservedConcurrency: 4, settings: ESMSettings(batchSize: 40, maximumRetryAttempts: 1), seed: seed,
            intervalSeconds: 10)
    }

    func testSameSeedSameRun() {
        let first = ESMSimulation.run(Self.noisyConfiguration(seed: 3))
        let second = ESMSimulation.run(Self.noisyConfiguration(seed: 3))
        XCTAssertEqual(first, second)
        let other = ESMSimulation.run(Self.noisyConfiguration(seed: 4))
        XCTAssertNotEqual(first.summary.recordsProduced, other.summary.recordsProduced)
    }

    func testConservationAtEverySample() {
        for seed in UInt64(1)...3 {
            let result = ESMSimulation.run(Self.noisyConfiguration(seed: seed))
            XCTAssertGreaterThan(result.rows.count, 50)
            var lastProcessed: Int64 = 0
            for row in result.rows {
                XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped, "t=\(row.time)")
                XCTAssertGreaterThanOrEqual(row.offsetLagSum, 0)
                XCTAssertGreaterThanOrEqual(row.offsetLagSum, row.offsetLagMaxPartition)
                XCTAssertGreaterThanOrEqual(row.processedTotal, lastProcessed)
                lastProcessed = row.processedTotal
            }
            XCTAssertGreaterThan(result.summary.recordsDropped, 0)
            XCTAssertGreaterThan(result.summary.throttles, 0)
        }
    }
}
