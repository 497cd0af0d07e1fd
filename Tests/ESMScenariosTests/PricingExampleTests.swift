import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// The AWS pricing page's and documentation's worked examples, priced with the shipped
/// us-east-1 prices.
final class PricingExampleTests: XCTestCase {
    func prices() throws -> RegionPrices {
        let loaded = try PriceList.load(path: nil)
        return try loaded.list.prices(for: "us-east-1", file: loaded.file)
    }

    /// Example 1: 1,024 MB x86, 1M invocations a day at 2 s for 30 days, 800 EPU-hours.
    func testExample1() throws {
        let invocations = 30_000_000.0
        let usage = BillableUsage(
            epuSeconds: 800 * 3_600, requests: invocations,
            gbSeconds: BillableUsage.gbSeconds(milliseconds: invocations * 2_000, memoryMB: 1_024), architecture: .x86_64)
        XCTAssertEqual(usage.gbSeconds, 60_000_000)
        let withFreeTier = CostModel.cost(usage, prices: try prices(), freeTier: true)
        XCTAssertEqual(withFreeTier.billedGBSeconds, 59_600_000)
        XCTAssertEqual(withFreeTier.durationCost, 993.3, accuracy: 0.05)
        XCTAssertEqual(withFreeTier.epuCost, 148, accuracy: 1e-9)
        // The page charges 60M requests ($12.00) for 30M invocations; 30M requests are
        // $6.00, or $5.80 after the free tier's 1M.
        XCTAssertEqual(withFreeTier.requestCost, 5.80, accuracy: 1e-9)
        XCTAssertEqual(withFreeTier.total, 1_147.13, accuracy: 0.01)
        let withoutFreeTier = CostModel.cost(usage, prices: try prices())
        XCTAssertEqual(withoutFreeTier.requestCost, 6.00, accuracy: 1e-9)
        XCTAssertEqual(withoutFreeTier.durationCost, 1_000.0, accuracy: 0.01)
    }

    /// Example 3: ten grouped Kafka ESMs on one EPU, each 1M invocations a day at 0.2 s (1 GB).
    func testExample3() throws {
        let invocations = 10 * 30_000_000.0
        let usage = BillableUsage(
            epuSeconds: 720 * 3_600, requests: invocations,
            gbSeconds: BillableUsage.gbSeconds(milliseconds: invocations * 200, memoryMB: 1_024), architecture: .x86_64)
        let cost = CostModel.cost(usage, prices: try prices())
        XCTAssertEqual(cost.epuCost, 133.2, accuracy: 1e-9)
        XCTAssertEqual(cost.durationCost, 1_000, accuracy: 0.01)
        XCTAssertEqual(cost.requestCost, 60, accuracy: 1e-9)
        XCTAssertEqual(cost.total, 1_193.2, accuracy: 0.01)
        XCTAssertEqual(cost.total / 10, 119.3, accuracy: 0.05)
    }

    /// Example 3's EPU: ten ESMs of one poller at 1.5 MB/s (500 messages/s of 3 KB) share one EPU.
    func testExample3GroupFitsOneEPU() throws {
        let profile = try ProfileStore.load("aws-2024")
        let workload = SteadyWorkload(
            recordsPerSecond: 500, recordSizeBytes: 3_000, partitions: 4, durationMs: 200, memoryMB: 1_024,
            provisionedPollers: 1, mappings: 10, grouped: true)
        let estimate = try workload.estimate(profile: profile)
        XCTAssertEqual(estimate.epus, 1)
        XCTAssertEqual(CostModel.cost(estimate.usage, prices: try prices()).epuCost, 133.2, accuracy: 1e-9)
    }

    /// The documentation's grouping example: ten ESMs of one poller under 2 MB/s cost
    /// $1,332 a month on their own EPUs and $133.20 in one poller group.
    func testGroupingExample() throws {
        let profile = try ProfileStore.load("aws-2024")
        var workload = SteadyWorkload(
            recordsPerSecond: 1_000, recordSizeBytes: 1_500, partitions: 4, durationMs: 100,
            provisionedPollers: 1, mappings: 10, grouped: false, periodSeconds: 720 * 3_600)
        let alone = try workload.estimate(profile: profile)
        workload.grouped = true
        let grouped = try workload.estimate(profile: profile)
        XCTAssertEqual(alone.epus, 10)
        XCTAssertEqual(grouped.epus, 1)
        XCTAssertEqual(CostModel.cost(alone.usage, prices: try prices()).epuCost, 1_332, accuracy: 1e-9)
        XCTAssertEqual(CostModel.cost(grouped.usage, prices: try prices()).epuCost, 133.20, accuracy: 1e-9)
    }

    func testOnDemandEstimateHasNoEPUCost() throws {
        let profile = try ProfileStore.load("aws-2024")
        let workload = SteadyWorkload(recordsPerSecond: 1_000, partitions: 10, durationMs: 100)
        let estimate = try workload.estimate(profile: profile)
        XCTAssertEqual(estimate.epus, 0)
        let cost = CostModel.cost(estimate.usage, prices: try prices())
        XCTAssertEqual(cost.epuCost, 0)
        XCTAssertGreaterThan(cost.requestCost, 0)
    }

    func testArmDurationPrice() throws {
        let usage = BillableUsage(epuSeconds: 0, requests: 0, gbSeconds: 1_000_000, architecture: .arm64)
        XCTAssertEqual(CostModel.cost(usage, prices: try prices()).durationCost, 13.3334, accuracy: 1e-9)
    }

    func testOverloadedWorkloadIsRejected() throws {
        let profile = try ProfileStore.load("aws-2024")
        // One partition at 10,000 records/s: a batch of 100 fills in 10 ms, a cycle takes 580 ms.
        let workload = SteadyWorkload(recordsPerSecond: 10_000, partitions: 1, durationMs: 500, provisionedPollers: 1)
        XCTAssertThrowsError(try workload.estimate(profile: profile))
    }
}
