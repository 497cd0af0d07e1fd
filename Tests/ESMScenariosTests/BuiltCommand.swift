import Foundation
import XCTest

/// Runs the built `esmsim` binary (it sits beside the test bundle) and captures its output,
/// so end-to-end tests see exit codes and printed text exactly as users do.
enum BuiltCommand {
    /// What a run printed and returned.
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Under `swift test` on Linux the first argument is the .xctest bundle in the build folder;
        // on macOS it is inside the bundle's Contents/MacOS.
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("esmsim").path), folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("esmsim")
    }

    /// Runs `esmsim ARGUMENTS` in `folder`, in this process's environment with `changes`
    /// applied (a nil value removes the variable).
    static func run(_ arguments: [String], in folder: String, environment changes: [String: String?] = [:]) throws -> Outcome {
        try run(program: executable, arguments, in: folder, environment: changes)
    }

    /// Runs `program ARGUMENTS` in `folder` and captures both streams. Standard error is
    /// drained on another thread, so a chatty program cannot fill its pipe and stall.
    static func run(program: URL, _ arguments: [String], in folder: String, environment changes: [String: String?] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if !changes.isEmpty {
            var environment = ProcessInfo.processInfo.environment
            for (name, value) in changes { environment[name] = value }
            process.environment = environment
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorsRead = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: errorsRead) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCase) throws -> String {
        let folder = NSTemporaryDirectory() + "esmsim-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    /// Writes `text` to `folder/name`.
    static func write(_ text: String, _ folder: String, _ name: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The text of `folder/name`.
    static func read(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
}
