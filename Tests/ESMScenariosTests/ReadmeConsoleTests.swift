import Foundation
import XCTest

/// The README's console blocks are what the commands print: every ```console block is
/// run, command by command, in a scratch folder holding the repository's `Scenarios/` and
/// `Results/`, and its output compared with the README's text. Blocks run in README order
/// and share the folder, so one block can use a file an earlier one wrote. A block after
/// a `<!-- unchecked: why -->` line is shown to readers but not run (a cluster, timings).
///
/// `ESMSIM_RECORD=1` rewrites the README's outputs with what the commands print: re-record
/// on purpose, then read the diff. A long test: the commands run whole scenarios.
final class ReadmeConsoleTests: XCTestCase {
    /// One command of a console block and the lines the README shows after it.
    struct Command {
        var text: String
        /// Line indexes (0-based) of the README lines holding the expected output.
        var outputLines: Range<Int>
        /// Which console block it belongs to; a block's commands share one shell, so
        /// `echo $?` sees the previous command's status.
        var block: Int
    }

    func testEveryConsoleBlockPrintsWhatTheReadmeShows() throws {
        try LongTest.requireOptimizedBuild()
        let readmePath = RepositoryPaths.root + "/README.md"
        var lines = try String(contentsOfFile: readmePath, encoding: .utf8).components(separatedBy: "\n")
        let commands = Self.commands(in: lines)
        XCTAssertGreaterThan(commands.count, 5, "the README shows fewer console commands than expected")
        let folder = try Self.scratchFolder(self)
        let record = ProcessInfo.processInfo.environment["ESMSIM_RECORD"] == "1"
        // Replace from the end so earlier line indexes stay valid while recording.
        var replacements: [(Range<Int>, [String])] = []
        var printedByCommand: [[String]] = []
        for block in Set(commands.map(\.block)).sorted() {
            printedByCommand += try Self.run(commands.filter { $0.block == block }.map(\.text), in: folder)
        }
        for (command, printed) in zip(commands, printedByCommand) {
            let expected = Array(lines[command.outputLines])
            if printed != expected {
                if record {
                    replacements.append((command.outputLines, printed))
                } else {
                    XCTFail("README: `\(command.text)` printed:\n\(printed.joined(separator: "\n"))\n--- the README shows:\n\(expected.joined(separator: "\n"))\n(ESMSIM_RECORD=1 re-records)")
                }
            }
        }
        if record && !replacements.isEmpty {
            for (range, printed) in replacements.reversed() { lines.replaceSubrange(range, with: printed) }
            try lines.joined(separator: "\n").write(toFile: readmePath, atomically: true, encoding: .utf8)
        }
    }

    /// The commands of every checked console block, with where their output stands.
    static func commands(in lines: [String]) -> [Command] {
        var commands: [Command] = []
        var index = 0
        var block = 0
        while index < lines.count {
            guard lines[index] == "```console" else { index += 1; continue }
            let unchecked = index > 0 && lines[index - 1].hasPrefix("<!-- unchecked")
            var line = index + 1
            while line < lines.count, lines[line] != "```" {
                guard lines[line].hasPrefix("$ ") else { line += 1; continue }
                var text = String(lines[line].dropFirst(2))
                while text.hasSuffix("\\"), line + 1 < lines.count {
                    line += 1
                    text = String(text.dropLast()) + " " + lines[line].trimmingCharacters(in: .whitespaces)
                }
                let start = line + 1
                var end = start
                while end < lines.count, lines[end] != "```", !lines[end].hasPrefix("$ ") { end += 1 }
                if !unchecked { commands.append(Command(text: text, outputLines: start..<end, block: block)) }
                line = end
            }
            index = line + 1
            block += 1
        }
        return commands
    }

    /// A folder with copies of `Scenarios/` and `Results/`, and `esmsim` on the path.
    static func scratchFolder(_ test: XCTestCase) throws -> String {
        let folder = try BuiltCommand.temporaryFolder(test)
        for name in ["Scenarios", "Results"] {
            try FileManager.default.copyItem(atPath: RepositoryPaths.root + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: folder + "/.bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/.bin/esmsim", withDestinationPath: BuiltCommand.executable.path)
        return folder
    }

    /// What each of `commands` prints (standard output and error, as a terminal shows
    /// them), by line, running them one after another in one shell.
    static func run(_ commands: [String], in folder: String) throws -> [[String]] {
        let marker = "@@esmsim-readme-command-done@@"
        let script = commands.map { command in
            let text = command.replacingOccurrences(of: "swift run -c release esmsim ", with: "esmsim ")
            return "{ \(text)\n} 2>&1; status=$?; echo '\(marker)'; (exit $status)"
        }.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder + "/.bin:" + (environment["PATH"] ?? "/usr/bin:/bin")
        // Progress lines depend on the machine's speed; the README shows none.
        environment["ESMSIM_PROGRESS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var printed: [[String]] = [[]]
        for line in String(decoding: data, as: UTF8.self).components(separatedBy: "\n") {
            if line == marker { printed.append([]) } else { printed[printed.count - 1].append(line) }
        }
        return Array(printed.dropLast())
    }
}
