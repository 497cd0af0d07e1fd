import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// `esmsInPollerGroup`: validation against the API's group limits, and EPU sharing in a run.
final class PollerGroupScenarioTests: XCTestCase {
    func text(esms: Int, maximumPollers: Int, group: String? = "shared") -> String {
        let name = group.map { ", \"PollerGroupName\": \"\($0)\"" } ?? ""
        return """
        {"esmsInPollerGroup": \(esms), "topic": {"partitions": 2, "backlogRecords": 2000},
         "function": {"durationMs": 50},
         "eventSourceMapping": {"ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": \(maximumPollers)\(name)}}}
        """
    }

    func problems(_ text: String) -> String {
        do {
            _ = try ScenarioLoader.parse(text, file: "group.json", defaultName: "group")
            return ""
        } catch {
            return error.description
        }
    }

    func testGroupLimits() {
        XCTAssertEqual(problems(text(esms: 100, maximumPollers: 20)), "")
        XCTAssertTrue(problems(text(esms: 101, maximumPollers: 1)).contains("esmsInPollerGroup: 101 is outside 1...100"))
        XCTAssertTrue(problems(text(esms: 11, maximumPollers: 200)).contains("11 ESMs with MaximumPollers 200 add up to 2,200 pollers; a poller group allows at most 2,000"))
        XCTAssertTrue(problems(text(esms: 2, maximumPollers: 1, group: nil)).contains("needs eventSourceMapping.ProvisionedPollerConfig.PollerGroupName"))
    }

    func testGroupSharesEPUsAndMultipliesLambdaUsage() throws {
        let profile = try ProfileStore.load("aws-2024")
        let loaded = try PriceList.load(path: nil)
        let prices = try loaded.list.prices(for: "us-east-1", file: loaded.file)
        let alone = try ScenarioLoader.parse(text(esms: 1, maximumPollers: 1), file: "a", defaultName: "a")
        let grouped = try ScenarioLoader.parse(text(esms: 10, maximumPollers: 1), file: "g", defaultName: "g")
        let aloneRun = ScenarioRunner.run(alone, profile: profile, options: .init())
        let groupedRun = ScenarioRunner.run(grouped, profile: profile, options: .init())
        // Ten idle pollers fit one EPU: the group bills the same EPU time as one ESM alone.
        XCTAssertEqual(groupedRun.summary.epuSeconds, aloneRun.summary.epuSeconds)
        let aloneCost = ScenarioRunner.cost(of: aloneRun, scenario: alone, prices: prices, freeTier: false)
        let groupedCost = ScenarioRunner.cost(of: groupedRun, scenario: grouped, prices: prices, freeTier: false)
        XCTAssertEqual(groupedCost.epuCost, aloneCost.epuCost, accuracy: 1e-12)
        XCTAssertEqual(groupedCost.requestCost, 10 * aloneCost.requestCost, accuracy: 1e-12)
        XCTAssertEqual(groupedCost.durationCost, 10 * aloneCost.durationCost, accuracy: 1e-12)
    }

    func testSummaryCSVEndsWithTheCostColumns() throws {
        let profile = try ProfileStore.load("aws-2024")
        let scenario = try ScenarioLoader.parse(text(esms: 1, maximumPollers: 1), file: "a", defaultName: "a")
        let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
        let cost = CostBreakdown(epuHours: 0.5, epuCost: 0.0925, billedRequests: 20, requestCost: 0.000004, billedGBSeconds: 1, durationCost: 0.25)
        let csv = RunOutputs.summaryCSV(result.summary, cost: cost).split(separator: "\n")
        XCTAssertTrue(csv[0].hasSuffix(",record_age_p99_s,caught_up_time_s,offset_lag_p50,offset_lag_p95,offset_lag_p99,epu_hours,epu_cost_usd,lambda_request_cost_usd,lambda_duration_cost_usd,total_cost_usd,monthly_cost_usd,esmsim_version,profile_hash"))
        // A cost built without a monthly projection leaves that cell empty.
        XCTAssertTrue(csv[1].hasSuffix(",0.5,0.0925,0.000004,0.25,0.342504,,\(ESMSimVersion.current),\(ProfileStore.hash(profile))"), String(csv[1]))
    }
}
