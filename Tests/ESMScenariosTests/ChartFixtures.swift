import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import Foundation
import XCTest

/// Small runs for the chart tests: quick in a debug build, yet with a backlog to drain and
/// a ramp to maximum concurrency, so both markers are drawn.
enum ChartFixtures {
    /// A scenario draining `backlog` records over 10 partitions with `minimumPollers` (nil: on-demand).
    static func scenarioText(name: String, backlog: Int, minimumPollers: Int?) -> String {
        let provisioned = minimumPollers.map { ", \"ProvisionedPollerConfig\": { \"MinimumPollers\": \($0) }" } ?? ""
        return """
        {
          "name": "\(name)",
          "topic": { "partitions": 10, "recordSizeBytes": 1024, "backlogRecords": \(backlog) },
          "function": { "durationMs": 100, "memoryMB": 1024 },
          "eventSourceMapping": { "BatchSize": 100, "StartingPosition": "TRIM_HORIZON"\(provisioned) }
        }
        """
    }

    /// Runs a scenario text with the default profile, sampling every `intervalSeconds`.
    static func run(_ text: String, intervalSeconds: Double = 20) throws -> RunResult {
        let scenario = try ScenarioLoader.parse(text, file: "fixture.json", defaultName: "fixture")
        let options = ScenarioRunner.Options(sampleInterval: Ticks.seconds(intervalSeconds))
        return ScenarioRunner.run(scenario, profile: try ScenarioRunner.profile(for: scenario, options: options), options: options)
    }

    /// A provisioned run with a 200,000-record backlog.
    static let provisioned: RunResult = {
        do {
            return try run(scenarioText(name: "small-min2", backlog: 200_000, minimumPollers: 2))
        } catch {
            fatalError("fixture scenario failed: \(error)")
        }
    }()

    /// An on-demand run with a 100,000-record backlog.
    static let onDemand: RunResult = {
        do {
            return try run(scenarioText(name: "small-on-demand", backlog: 300_000, minimumPollers: nil))
        } catch {
            fatalError("fixture scenario failed: \(error)")
        }
    }()

    /// `summary.csv`'s cell in `column` for `summary`, read back from the CSV text.
    /// What a run costs at the shipped us-east-1 prices (the fixtures have no poller groups).
    static func cost(_ result: RunResult) -> CostBreakdown {
        let prices = try! PriceList.load(path: nil).list.prices(for: PriceList.defaultRegion, file: "prices.json")
        let usage = BillableUsage(run: result.summary, function: FunctionSpec(duration: .distribution(.constant(100)), memoryMB: 1_024), mappings: 1)
        return CostModel.cost(usage, prices: prices)
    }

    static func summaryCSVCell(_ summary: RunSummary, column: String) -> String? {
        let lines = RunOutputs.summaryCSV(summary, cost: CostBreakdown(epuHours: 0, epuCost: 0, billedRequests: 0, requestCost: 0, billedGBSeconds: 0, durationCost: 0)).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard lines.count == 2, let index = lines[0].firstIndex(where: { $0 == column }) else { return nil }
        return String(lines[1][index])
    }
}
