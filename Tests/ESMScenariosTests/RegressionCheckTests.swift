import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// `esmsim check` end to end: a baseline written with --update passes, moved metrics,
/// missing scenarios and orphan rows fail with exit code 1 and say so in the table.
final class RegressionCheckTests: XCTestCase {
    /// A folder with two small scenarios (cheap even in a debug build) and their baseline.
    func prepare() throws -> String {
        let folder = try BuiltCommand.temporaryFolder(self)
        for name in ["hexaview-case1", "offset-lag-fast"] {
            try FileManager.default.copyItem(atPath: RepositoryPaths.scenario(name + ".json"), toPath: folder + "/" + name + ".json")
        }
        let update = try BuiltCommand.run(["check", "--update", "--baseline", "baseline.csv", "offset-lag-fast.json", "hexaview-case1.json"], in: folder)
        XCTAssertEqual(update.status, 0, update.errors)
        return folder
    }

    func testFreshBaselinePassesWithATableOfEveryMetric() throws {
        let folder = try prepare()
        let baseline = try BuiltCommand.read(folder, "baseline.csv")
        XCTAssertTrue(baseline.hasPrefix("scenario,drain_time_s,time_to_max_concurrency_s,peak_offset_lag,total_cost_usd\nhexaview-case1,2013.85,902.005,1506,"), baseline)
        XCTAssertTrue(baseline.contains("\noffset-lag-fast,"))
        let check = try BuiltCommand.run(["check", "--baseline", "baseline.csv", "offset-lag-fast.json", "hexaview-case1.json"], in: folder)
        XCTAssertEqual(check.status, 0, check.output)
        let lines = check.output.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("scenario"))
        XCTAssertEqual(lines.filter { $0.hasSuffix("ok") }.count, 8)
        XCTAssertTrue(check.output.contains("check passed: 8 metrics of 2 scenarios"))
    }

    func testMovedMetricFailsUnlessWithinTolerance() throws {
        let folder = try prepare()
        let baseline = try BuiltCommand.read(folder, "baseline.csv")
        try BuiltCommand.write(baseline.replacingOccurrences(of: "hexaview-case1,2013.85,", with: "hexaview-case1,2100,"), folder, "baseline.csv")
        let files = ["offset-lag-fast.json", "hexaview-case1.json"]
        let check = try BuiltCommand.run(["check", "--baseline", "baseline.csv"] + files, in: folder)
        XCTAssertEqual(check.status, 1)
        let row = check.output.split(separator: "\n").first { $0.hasPrefix("hexaview-case1") && $0.contains("drain_time_s") }
        XCTAssertEqual(row?.split(separator: " ").map(String.init), ["hexaview-case1", "drain_time_s", "2100", "2013.85", "-4.1%", "FAIL"])
        XCTAssertTrue(check.output.contains("check FAILED: 1 of 8 metrics beyond 0.5%"))
        let tolerant = try BuiltCommand.run(["check", "--baseline", "baseline.csv", "--tolerance", "5"] + files, in: folder)
        XCTAssertEqual(tolerant.status, 0, tolerant.output)
    }

    func testMissingScenarioAndOrphanRowAreReported() throws {
        let folder = try prepare()
        let baseline = try BuiltCommand.read(folder, "baseline.csv")
        let withoutOne = baseline.split(separator: "\n").filter { !$0.hasPrefix("offset-lag-fast") }.joined(separator: "\n")
        try BuiltCommand.write(withoutOne + "\nretired-scenario,60,1,10,0.01\n", folder, "baseline.csv")
        let check = try BuiltCommand.run(["check", "--baseline", "baseline.csv", "offset-lag-fast.json", "hexaview-case1.json"], in: folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.output.contains("offset-lag-fast: not in the baseline"))
        XCTAssertTrue(check.output.contains("retired-scenario: in the baseline but its scenario file is gone"))
        // Checking one file leaves the other's row alone: its file still exists.
        try BuiltCommand.write(baseline, folder, "baseline.csv")
        let single = try BuiltCommand.run(["check", "--baseline", "baseline.csv", "offset-lag-fast.json"], in: folder)
        XCTAssertEqual(single.status, 0, single.output)
    }

    func testMissingBaselineIsAUsageError() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let check = try BuiltCommand.run(["check", "--baseline", "nowhere.csv", RepositoryPaths.scenario("offset-lag-fast.json")], in: folder)
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.errors.contains("esmsim check --update"))
    }

    func testDrainedVersusUndrainedAndZeroBaselines() {
        let line = { (old: String, new: String) in RegressionCheck.compare(scenario: "s", metric: "m", baseline: old, now: new, tolerancePercent: 1) }
        XCTAssertTrue(line("", "").passed)
        XCTAssertEqual(line("100", "").change, "no longer drains")
        XCTAssertFalse(line("100", "").passed)
        XCTAssertEqual(line("", "100").change, "now drains")
        XCTAssertFalse(line("0", "1").passed)
        XCTAssertTrue(line("100", "101").passed)
        XCTAssertFalse(line("100", "101.01").passed)
        XCTAssertEqual(line("200", "150").change, "-25%")
    }
}
