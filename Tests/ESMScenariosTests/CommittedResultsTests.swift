import Foundation
import XCTest

/// The committed comparison chart and report are what the README's own command writes
/// today: the test runs that command into a temporary folder and compares bytes, so the
/// files cannot drift from the code. (Four 20M-record runs: a long test, run optimized by
/// `.ci/run`.) To refresh them, run the command in the README's charts section.
final class CommittedResultsTests: XCTestCase {
    func testCommittedComparisonMatchesItsCommand() throws {
        try LongTest.requireOptimizedBuild()
        let arguments = try Self.readmeCompareArguments()
        let outIndex = try XCTUnwrap(arguments.firstIndex(of: "--out"), "the README command names its folder")
        let committedFolder = arguments[outIndex + 1]
        XCTAssertEqual(committedFolder, "Results/provisioned-blog-comparison")
        let folder = try BuiltCommand.temporaryFolder(self)
        var redirected = arguments
        redirected[outIndex + 1] = folder + "/out"
        let run = try BuiltCommand.run(redirected, in: RepositoryPaths.root)
        XCTAssertEqual(run.status, 0, run.errors)
        for name in ["comparison.svg", "report.html"] {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/" + name))
            let stored = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.root + "/" + committedFolder + "/" + name))
            XCTAssertTrue(fresh == stored, "\(committedFolder)/\(name) is not what its command writes now: rerun the README's compare command")
        }
    }

    /// The arguments of the `esmsim compare` command in the README's charts section, after
    /// `swift run -c release esmsim`, with line continuations joined and quotes removed.
    static func readmeCompareArguments() throws -> [String] {
        let readme = try String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "swift run -c release esmsim compare "), "the README shows the compare command")
        var command = ""
        for line in readme[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasSuffix("\\") else {
                command += line
                break
            }
            command += line.dropLast() + " "
        }
        var words: [String] = []
        var word = ""
        var quoted = false
        var inWord = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        XCTAssertEqual(Array(words.prefix(4)), ["swift", "run", "-c", "release"])
        return Array(words.dropFirst(5))
    }

    func testReadmeCommandIsRead() throws {
        let arguments = try Self.readmeCompareArguments()
        XCTAssertEqual(arguments.first, "compare")
        XCTAssertTrue(arguments.contains("20M-record backlog: on-demand vs provisioned, MinimumPollers 1, 10, 100"), "quoted title kept whole")
    }
}
