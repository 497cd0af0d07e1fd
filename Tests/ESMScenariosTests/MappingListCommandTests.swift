@testable import ESMScenarios
import Foundation
import XCTest

/// `esmsim run` on a scenario listing several ESMs: the files it writes and what it prints.
final class MappingListCommandTests: XCTestCase {
    func testRunWritesTheTotalEachESMAndThePollerGroups() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let grouped = MappingListScenarioTests.grouped.replacingOccurrences(of: "1000", with: "3")
        let text = MappingListScenarioTests.scenario([
            MappingListScenarioTests.element("orders", settings: grouped),
            MappingListScenarioTests.element("payments", settings: grouped),
            MappingListScenarioTests.element("audit"),
        ])
        try BuiltCommand.write(text, folder, "shared.json")
        let run = try BuiltCommand.run(["run", "shared.json", "--out", "out", "--charts"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("  orders (provisioned): drained in"), run.output)
        XCTAssertTrue(run.output.contains("  poller group g (orders, payments): "), run.output)
        XCTAssertTrue(run.output.contains("wrote out/shared/timeseries.csv, timeseries-orders.csv, timeseries-payments.csv, timeseries-audit.csv, summary.csv, poller-groups.csv and chart.svg"), run.output)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/shared").sorted()
        XCTAssertEqual(files, ["chart.svg", "poller-groups.csv", "summary.csv", "timeseries-audit.csv", "timeseries-orders.csv", "timeseries-payments.csv", "timeseries.csv"])
        let summary = try BuiltCommand.read(folder + "/out/shared", "summary.csv").split(separator: "\n")
        XCTAssertEqual(summary.map { $0.split(separator: ",")[1] }, ["mapping", "orders", "payments", "audit", "total"])
        let series = try BuiltCommand.read(folder + "/out/shared", "timeseries.csv")
        XCTAssertTrue(series.hasPrefix(RunOutputs.timeSeriesColumns.joined(separator: ",") + "\n"))
        // A second run writes the same bytes.
        let again = try BuiltCommand.run(["run", "shared.json", "--out", "again"], in: folder)
        XCTAssertEqual(again.status, 0, again.errors)
        for file in files where file != "chart.svg" {
            XCTAssertEqual(try BuiltCommand.read(folder + "/again/shared", file), try BuiltCommand.read(folder + "/out/shared", file), file)
        }
    }
}
