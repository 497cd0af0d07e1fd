import Foundation
import XCTest

/// Long tests replay whole scenarios hundreds of times (calibration); unoptimized they
/// take minutes. They are skipped in debug builds and run by the release test job,
/// `swift test -c release -Xswiftc -enable-testing`, which `.ci/run` runs too.
/// `ESMSIM_LONG_TESTS=1` runs them in a debug build anyway.
enum LongTest {
    /// Whether `ESMSIM_LONG_TESTS=1` asks for the long tests whatever the build.
    static let requested = ProcessInfo.processInfo.environment["ESMSIM_LONG_TESTS"] == "1"

    /// Skips the calling test unless the build is optimized or long tests are asked for.
    static func requireOptimizedBuild() throws {
        #if DEBUG
        if !requested {
            throw XCTSkip("long test: runs in `swift test -c release -Xswiftc -enable-testing` (or set ESMSIM_LONG_TESTS=1)")
        }
        #endif
    }

    /// How many random cases a property test runs: `optimized` in an optimized build (the
    /// release test job), `debug` in a debug build, where each case costs about ten times more.
    static func cases(optimized: Int, debug: Int) -> Int {
        #if DEBUG
        return requested ? optimized : debug
        #else
        return optimized
        #endif
    }
}

/// Every test class that skips or shrinks itself in debug is run whole by the release test
/// job: its name matches the `--filter` of that job in `.ci/run`.
final class LongTestCoverageTests: XCTestCase {
    func testTheReleaseJobRunsEveryLongTest() throws {
        let script = try String(contentsOfFile: RepositoryPaths.root + "/.ci/run", encoding: .utf8)
        let line = try XCTUnwrap(script.split(separator: "\n").first { $0.contains("swift test -c release") })
        let pattern = try XCTUnwrap(line.split(separator: "'").dropFirst().first.map(String.init))
        let filter = try NSRegularExpression(pattern: pattern)
        let tests = RepositoryPaths.root + "/Tests"
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: tests)).filter { $0.hasSuffix(".swift") }.sorted()
        for file in files where !file.hasSuffix("LongTest.swift") {
            let text = try String(contentsOfFile: tests + "/" + file, encoding: .utf8)
            guard text.contains("LongTest.") else { continue }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            XCTAssertNotNil(filter.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), "\(name) uses LongTest but the release job's filter '\(pattern)' does not run it")
        }
    }
}
