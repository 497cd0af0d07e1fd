import XCTest
import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// Runs the built `esmsim` binary end to end: exit codes, messages, unwritable output
/// folders and interrupted runs.
final class CommandLineTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("esmsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// Writes `text` to a file in the work folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = work.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs esmsim to completion: exit status, stdout and stderr.
    func esmsim(_ arguments: [String]) throws -> (status: Int32, out: String, error: String) {
        let outcome = try BuiltCommand.run(arguments, in: work.path)
        return (outcome.status, outcome.output, outcome.errors)
    }

    func testBadFilesExitTwoWithEveryProblem() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: BuiltCommand.executable.path), "build esmsim first: \(BuiltCommand.executable.path)")
        let bad = try file("bad.json", ScenarioJSON.text([
            ("eventSourceMapping.ProvisionedPollerConfig.MinimumPollers", 500), ("function.memroyMB", 512),
        ]))
        let broken = try file("broken.json", "{\n  \"topic\": {\"partitions\": 2,}\n}")
        for command in ["run", "validate"] {
            let result = try esmsim([command, bad, broken] + (command == "run" ? ["--out", work.path] : []))
            XCTAssertEqual(result.status, 2, command)
            XCTAssertTrue(result.error.contains("bad.json:7:26: eventSourceMapping.ProvisionedPollerConfig.MinimumPollers: 500 is outside 1...200"), result.error)
            XCTAssertTrue(result.error.contains("bad.json:15:18: function.memroyMB: unknown field; did you mean \"memoryMB\"?"), result.error)
            XCTAssertTrue(result.error.contains("broken.json:2:29: malformed JSON: expected a quoted key"), result.error)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("bad").path), "nothing written for bad input")
    }

    func testRetryControlsOutsideProvisionedModeExitTwo() throws {
        let onDemand = try file("on-demand-retries.json", ScenarioJSON.text([
            ("eventSourceMapping.ProvisionedPollerConfig", nil), ("eventSourceMapping.BisectBatchOnFunctionError", true),
        ]))
        let result = try esmsim(["validate", onDemand])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("on-demand-retries.json:4:36: eventSourceMapping.BisectBatchOnFunctionError: Kafka ESMs accept this only in provisioned mode"), result.error)
    }

    func testUsageErrorsExitTwo() throws {
        let good = try file("good.json", ScenarioJSON.text())
        for arguments in [["run", good, "--speed", "2"], ["run", good, "--horizonSeconds", "-5"], ["run"], ["frobnicate"], ["run", good, "--horizonSeconds", "1e12"]] {
            let result = try esmsim(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.error.hasPrefix("esmsim: "), result.error)
        }
    }

    func testTooLargeRunIsRefusedUpFront() throws {
        let huge = try file("huge.json", ScenarioJSON.text([
            ("topic.partitions", 10_000), ("topic.backlogRecords", 1_000_000_000_000), ("producer", nil),
        ]))
        let result = try esmsim(["run", huge, "--out", work.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("huge.json: too large to simulate: about"), result.error)
        XCTAssertEqual(try esmsim(["validate", huge]).status, 2)
    }

    func testHorizonStopsARunAndSaysNotDrained() throws {
        let good = try file("slow.json", ScenarioJSON.text())
        let result = try esmsim(["run", good, "--out", work.path, "--horizonSeconds", "60"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.out.contains("NOT drained within the horizon (1 min); final offset lag "), result.out)
        let summary = try String(contentsOf: work.appendingPathComponent("slow/summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.contains(",60,"), summary)
    }

    func testUnwritableOutputFolderExitsOneAndSaysWhere() throws {
        let good = try file("good.json", ScenarioJSON.text())
        let blocker = try file("not-a-folder", "x")
        let result = try esmsim(["run", good, "--out", blocker + "/results"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("esmsim: cannot write \(blocker)/results/good: cannot create folder \(blocker)/results/good: \(blocker) is a file, not a folder"), result.error)
        XCTAssertTrue(result.out.contains("base (profile aws-2024"), "the run itself is still reported")
    }

    func testInterruptedRunLeavesNoPartialOrTemporaryFile() throws {
        let quick = try file("quick.json", ScenarioJSON.text())
        let long = try file("long.json", ScenarioJSON.text([
            ("topic.partitions", 100), ("topic.backlogRecords", 1_000_000_000), ("producer", nil),
            ("eventSourceMapping.ProvisionedPollerConfig", ["MinimumPollers": 100, "MaximumPollers": 100]),
            ("function.reservedConcurrency", nil), ("horizonSeconds", 43_200),
        ]))
        let out = work.appendingPathComponent("out")
        let process = Process()
        process.executableURL = BuiltCommand.executable
        process.arguments = ["run", quick, long, "--out", out.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (on output, not on a clock) until the quick scenario is written and the long one is running.
        var seen = ""
        while !seen.contains("wrote ") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(seen.contains("wrote \(out.path)/quick/timeseries.csv"), seen)
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)

        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.sorted() ?? []
        XCTAssertEqual(files, ["quick", "quick/summary.csv", "quick/timeseries.csv"], "no partial or temporary file")
        let summary = try String(contentsOf: out.appendingPathComponent("quick/summary.csv"), encoding: .utf8)
        XCTAssertEqual(summary.split(separator: "\n").count, 2)
    }

    func testTheInterruptHandlerRemovesExactlyTheRegisteredTemporaryFiles() throws {
        let pending = try file(".pending.tmp", "half")
        let finished = try file(".finished.tmp", "done")
        TemporaryFiles.shared.register(pending)
        TemporaryFiles.shared.register(finished)
        TemporaryFiles.shared.unregister(finished)
        TemporaryFiles.shared.removeAll()
        TemporaryFiles.shared.unregister(pending)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pending))
        XCTAssertTrue(FileManager.default.fileExists(atPath: finished))
    }
}
