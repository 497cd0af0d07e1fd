import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import XCTest

/// The CSV files of a run: columns, determinism, and the README's command.
final class RunOutputTests: XCTestCase {
    static func cost(_ result: RunResult, _ scenario: Scenario) throws -> CostBreakdown {
        let prices = try PriceList.load(path: nil).list.prices(for: PriceList.defaultRegion, file: "prices.json")
        return ScenarioRunner.cost(of: result, scenario: scenario, prices: prices, freeTier: false)
    }

    func testRequiredColumnsComeFirstInOrder() {
        let required = "time_s,produced_total,processed_total,offset_lag_sum,offset_lag_max_partition,concurrency_max,pollers,invocations,errors,throttles,records_dropped"
        XCTAssertTrue(RunOutputs.timeSeriesColumns.joined(separator: ",").hasPrefix(required))
        let summary = "scenario,profile,mode,seed,records_produced,records_processed,drain_time_s,time_to_max_concurrency_s,max_concurrency,peak_offset_lag,mean_offset_lag,invocations,errors,throttles,records_dropped,simulated_events"
        XCTAssertTrue(RunOutputs.summaryColumns.joined(separator: ",").hasPrefix(summary))
    }

    func testSameScenarioSameSeedSameBytes() throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario("traffic-spike.json"))
        let profile = try ScenarioRunner.profile(for: scenario, options: .init())
        // Twenty simulated minutes take the spike through its peak; a debug build is slow.
        let options = ScenarioRunner.Options(horizon: Ticks.seconds(1_200))
        let first = ScenarioRunner.run(scenario, profile: profile, options: options)
        let second = ScenarioRunner.run(scenario, profile: profile, options: options)
        XCTAssertEqual(RunOutputs.timeSeriesCSV(first.rows), RunOutputs.timeSeriesCSV(second.rows))
        XCTAssertEqual(RunOutputs.summaryCSV(first.summary, cost: try Self.cost(first, scenario)),
                       RunOutputs.summaryCSV(second.summary, cost: try Self.cost(second, scenario)))
        let reseeded = ScenarioRunner.run(scenario, profile: profile, options: .init(seed: 99, horizon: Ticks.seconds(1_200)))
        XCTAssertNotEqual(RunOutputs.timeSeriesCSV(first.rows), RunOutputs.timeSeriesCSV(reseeded.rows))
    }

    func testWritesBothFilesAndLeavesNoTemporaryFile() throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario("provisioned-blog-min100.json"))
        let result = ScenarioRunner.run(scenario, profile: try ScenarioRunner.profile(for: scenario, options: .init()), options: .init())
        let folder = NSTemporaryDirectory() + "esmsim-output-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try RunOutputs.write(result, cost: try Self.cost(result, scenario), to: folder)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["summary.csv", "timeseries.csv"])
        let summary = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8)
        XCTAssertTrue(summary.contains("provisioned-blog-min100,aws-2024,provisioned,1,20000000,20000000,"))
    }

    func testEveryShippedScenarioLoadsAndDrains() throws {
        try LongTest.requireOptimizedBuild()
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.root + "/Scenarios").filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for file in files {
            let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenario(file))
            XCTAssertFalse(scenario.description.isEmpty, "\(file) says where its numbers come from")
            let result = ScenarioRunner.run(scenario, profile: try ScenarioRunner.profile(for: scenario, options: .init()), options: .init())
            XCTAssertNotNil(result.summary.drainTime, file)
        }
    }
}
