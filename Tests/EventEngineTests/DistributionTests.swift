import EventEngine
import XCTest

final class DistributionTests: XCTestCase {
    /// Sample means and variances agree with the analytic ones (seeded, so never flaky).
    func testSampleMomentsMatchAnalyticMoments() {
        let cases: [Distribution] = [
            .constant(7),
            .uniform(low: 10, high: 30),
            .exponential(mean: 50),
            .normal(mean: 100, standardDeviation: 15),
            .lognormal(mu: 3, sigma: 0.5),
            .empirical(values: [1, 2, 3, 10]),
            .empiricalCDF(points: [.init(value: 0, probability: 0), .init(value: 10, probability: 0.5), .init(value: 100, probability: 1)]),
        ]
        for distribution in cases {
            var random = RandomStream(seed: 11)
            let n = 200_000
            var sum = 0.0, sumSquares = 0.0
            for _ in 0..<n {
                let x = distribution.sample(&random)
                sum += x
                sumSquares += x * x
            }
            let mean = sum / Double(n)
            let variance = sumSquares / Double(n) - mean * mean
            XCTAssertEqual(mean, distribution.mean, accuracy: max(0.01, 0.01 * abs(distribution.mean)), "\(distribution)")
            XCTAssertEqual(variance, distribution.variance, accuracy: max(0.01, 0.03 * distribution.variance), "\(distribution)")
        }
    }

    func testEmpiricalCDFStaysInRange() {
        let cdf = Distribution.empiricalCDF(points: [.init(value: 5, probability: 0.2), .init(value: 9, probability: 1)])
        var random = RandomStream(seed: 5)
        for _ in 0..<10_000 {
            let x = cdf.sample(&random)
            XCTAssertTrue((5...9).contains(x))
        }
    }

    func testPoissonCountsHaveTheRightMean() {
        for mean in [0.5, 4.0, 29.0, 31.0, 5_000.0] {
            var random = RandomStream(seed: 9)
            let n = 50_000
            var total: Int64 = 0
            for _ in 0..<n { total += PoissonSampler.sample(mean: mean, &random) }
            XCTAssertEqual(Double(total) / Double(n), mean, accuracy: 0.02 * mean + 0.01, "mean \(mean)")
        }
    }
}
