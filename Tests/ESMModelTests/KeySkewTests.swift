@testable import ESMModel
import EventEngine
import XCTest

/// Partition weights and key distributions: exact, monotone, invertible splits.
final class KeySkewTests: XCTestCase {
    func testKafkaMurmur2ReferenceVectors() {
        // Apache Kafka's UtilsTest.testMurmur2.
        let vectors: [(String, Int32)] = [
            ("21", -973_932_308), ("foobar", -790_332_482), ("a-little-bit-long-string", -985_981_536),
            ("a-little-bit-longer-string", -1_486_304_829),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971), ("abc", 479_470_107),
        ]
        for (key, hash) in vectors {
            XCTAssertEqual(KafkaPartitioner.murmur2(Array(key.utf8)), hash, key)
        }
    }

    func testWeightedSplitsAreExactMonotoneAndInvertible() {
        var random = RandomStream(seed: 11)
        for trial in 0..<20 {
            let partitions = 1 + Int(random.nextUnit() * 12)
            var weights = (0..<partitions).map { _ in random.nextUnit() < 0.2 ? 0 : random.nextUnit() * 5 }
            if !weights.contains(where: { $0 > 0 }) { weights[0] = 1 }
            let split = PartitionSplit(weights: weights)
            let sum = weights.reduce(0, +)
            var previous = [Int64](repeating: 0, count: partitions)
            for total in Int64(0)...400 {
                let counts = (0..<partitions).map { split.count(of: $0, total: total) }
                XCTAssertEqual(counts.reduce(0, +), total, "trial \(trial)")
                for partition in 0..<partitions {
                    XCTAssertGreaterThanOrEqual(counts[partition], previous[partition], "trial \(trial)")
                    if weights[partition] == 0 { XCTAssertEqual(counts[partition], 0) }
                }
                previous = counts
            }
            let big: Int64 = 10_000_000
            for partition in 0..<partitions {
                let share = Double(split.count(of: partition, total: big)) / Double(big)
                XCTAssertEqual(share, weights[partition] / sum, accuracy: 1e-6, "trial \(trial)")
                for records in [Int64(1), 2, 17, 250] {
                    guard let needed = split.totalNeeded(for: partition, records: records) else {
                        XCTAssertEqual(weights[partition], 0, "trial \(trial)")
                        continue
                    }
                    XCTAssertGreaterThanOrEqual(split.count(of: partition, total: needed), records)
                    XCTAssertLessThan(split.count(of: partition, total: needed - 1), records)
                }
            }
        }
    }

    func testZipfKeysConcentrateOnTheirPartitions() {
        let partitions = 12
        let zipf = KeyDistribution(shape: .zipf(exponent: 1.1), keys: 10_000).partitionWeights(partitions: partitions)
        XCTAssertEqual(zipf.reduce(0, +), 1, accuracy: 1e-9)
        let hottest = KafkaPartitioner.partition(ofKey: Array("1".utf8), partitions: partitions)
        XCTAssertEqual(zipf.firstIndex(of: zipf.max()!), hottest, "the most frequent key's partition is the hottest")
        XCTAssertGreaterThan(zipf[hottest], 2.0 / Double(partitions))
        // Three equally frequent keys fill at most three partitions.
        let few = KeyDistribution(shape: .uniform, keys: 3).partitionWeights(partitions: partitions)
        XCTAssertLessThanOrEqual(few.filter { $0 > 0 }.count, 3)
        let many = KeyDistribution(shape: .uniform, keys: 100_000).partitionWeights(partitions: partitions)
        XCTAssertEqual(many.max()!, 1.0 / Double(partitions), accuracy: 0.01)
        XCTAssertEqual(zipf, KeyDistribution(shape: .zipf(exponent: 1.1), keys: 10_000).partitionWeights(partitions: partitions))
    }

    func testSkewedRunsConserveRecordsAndLagOnTheHotPartition() {
        func run(_ topic: (inout TopicSpec) -> Void) -> RunResult {
            var configuration = ModelFixtures.configuration(partitions: 8, rate: 200, seconds: 600, durationMs: 200)
            topic(&configuration.topic)
            return ESMSimulation.run(configuration)
        }
        let even = run { _ in }
        let zipf = run { $0.keyDistribution = KeyDistribution(shape: .zipf(exponent: 1.2), keys: 1_000) }
        let weighted = run { $0.partitionWeights = [8, 1, 1, 1, 1, 1, 1, 0] }
        for result in [even, zipf, weighted] {
            XCTAssertTrue(result.summary.drained)
            XCTAssertEqual(result.summary.recordsProcessed, 120_000)
            for row in result.rows {
                XCTAssertEqual(row.producedTotal, row.processedTotal + row.offsetLagSum + row.recordsDropped)
            }
        }
        let maxLag = { (result: RunResult) in result.rows.map(\.offsetLagMaxPartition).max() ?? 0 }
        XCTAssertGreaterThan(maxLag(weighted), 2 * maxLag(even))
        XCTAssertGreaterThan(maxLag(zipf), maxLag(even))
        XCTAssertEqual(zipf, run { $0.keyDistribution = KeyDistribution(shape: .zipf(exponent: 1.2), keys: 1_000) })
    }
}
