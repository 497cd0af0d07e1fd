import Foundation
import XCTest

/// End-to-end robustness of the built binary: interrupts leave only complete files,
/// the binary runs alone anywhere, and outputs never clobber what they must not.
final class InterruptAndOutputTests: XCTestCase {
    /// A scenario whose time series is large enough (tens of thousands of rows) that
    /// building and writing its CSV takes a noticeable share of the run.
    static let largeScenario = """
    {"name": "large", "topic": {"partitions": 2}, "producer": {"recordsPerSecond": 1, "durationSeconds": 40000},
     "function": {"durationMs": 10}, "horizonSeconds": 40000}
    """

    /// Interrupts at random moments, from the simulation through serialization to the
    /// final write: every run ends with 130 (SIGINT) or 143 (SIGTERM), or finishes (0),
    /// and leaves either no CSV or a complete one, never a temporary file.
    func testInterruptsLeaveOnlyCompleteFiles() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.largeScenario, folder, "large.json")
        let arguments = ["run", "large.json", "--interval", "1", "--out"]
        let started = Date()
        let reference = try BuiltCommand.run(arguments + ["reference"], in: folder)
        XCTAssertEqual(reference.status, 0, reference.errors)
        let fullRun = Date().timeIntervalSince(started)
        let complete = try BuiltCommand.read(folder, "reference/large/timeseries.csv")
        #if DEBUG
        let trials = 8
        #else
        let trials = 30
        #endif
        var random = TestRandom(seed: 13)
        var outcomes: [Int32: Int] = [:]
        for trial in 0..<trials {
            let out = "trial\(trial)"
            let process = Process()
            process.executableURL = BuiltCommand.executable
            process.arguments = arguments + [out]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the interrupts over the whole run, weighted to its end, where the CSV is built and written.
            let fraction = (Double(random.int(0...1_000)) / 1_000).squareRoot()
            usleep(useconds_t(fullRun * 1.1 * fraction * 1_000_000))
            kill(process.processIdentifier, trial % 2 == 0 ? SIGINT : SIGTERM)
            process.waitUntilExit()
            let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
            outcomes[status, default: 0] += 1
            XCTAssertTrue([0, 130, 143].contains(status), "trial \(trial): exit \(status)")
            let written = folder + "/" + out + "/large"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: written)) ?? []
            XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }, "trial \(trial) left \(names)")
            if names.contains("timeseries.csv") {
                XCTAssertEqual(try BuiltCommand.read(written, "timeseries.csv"), complete, "trial \(trial): partial timeseries.csv")
            }
        }
        print("interrupt outcomes (exit code: trials): \(outcomes.sorted { $0.key < $1.key })")
        XCTAssertGreaterThan(outcomes[130, default: 0] + outcomes[143, default: 0], 0)
    }

    /// The binary needs nothing beside it: copied alone to an empty folder, it lists the
    /// profiles and runs a scenario (profiles and prices are compiled in).
    func testBinaryCopiedAloneRuns() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let copy = folder + "/bin/esmsim"
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BuiltCommand.executable.path, toPath: copy)
        try BuiltCommand.write(#"{"name": "tiny", "topic": {"partitions": 1, "backlogRecords": 100}, "function": {"durationMs": 10}}"#, folder, "tiny.json")
        for arguments in [["profiles"], ["profiles", "aws-2024"], ["run", "tiny.json", "--out", "out"], ["cost", "--recordsPerSecond", "10", "--partitions", "1", "--durationMs", "10"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: copy)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit, "\(arguments): \(message)")
            XCTAssertEqual(process.terminationStatus, 0, "\(arguments): \(message)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/tiny/summary.csv"))
    }

    /// Two runs into one folder take turns: the folder ends with one run's files, whole.
    func testConcurrentRunsIntoOneFolderDoNotMix() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.largeScenario, folder, "large.json")
        var processes: [Process] = []
        for seed in [1, 2] {
            let process = Process()
            process.executableURL = BuiltCommand.executable
            process.arguments = ["run", "large.json", "--interval", "1", "--seed", "\(seed)", "--out", "shared"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
        let summary = try BuiltCommand.read(folder + "/shared/large", "summary.csv")
        let series = try BuiltCommand.read(folder + "/shared/large", "timeseries.csv")
        let seedColumn = try XCTUnwrap(summary.split(separator: "\n").first?.split(separator: ",").firstIndex(of: "seed"))
        let seed = String(summary.split(separator: "\n")[1].split(separator: ",")[seedColumn])
        let alone = try BuiltCommand.run(["run", "large.json", "--interval", "1", "--seed", seed, "--out", "alone"], in: folder)
        XCTAssertEqual(alone.status, 0)
        XCTAssertEqual(series, try BuiltCommand.read(folder + "/alone/large", "timeseries.csv"), "timeseries.csv is not from the run of seed \(seed)")
    }
}
