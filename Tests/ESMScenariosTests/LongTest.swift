import Foundation
import XCTest

/// Long tests replay whole scenarios hundreds of times (calibration); unoptimized they
/// take minutes. They are skipped in debug builds and run by the release test job,
/// `swift test -c release -Xswiftc -enable-testing`, which `.ci/run` runs too.
/// `ESMSIM_LONG_TESTS=1` runs them in a debug build anyway.
enum LongTest {
    /// Skips the calling test unless the build is optimized or long tests are asked for.
    static func requireOptimizedBuild() throws {
        #if DEBUG
        if ProcessInfo.processInfo.environment["ESMSIM_LONG_TESTS"] != "1" {
            throw XCTSkip("long test: runs in `swift test -c release -Xswiftc -enable-testing` (or set ESMSIM_LONG_TESTS=1)")
        }
        #endif
    }

    /// How many random cases a property test runs: `optimized` in an optimized build (the
    /// release test job), `debug` in a debug build, where each case costs about ten times more.
    static func cases(optimized: Int, debug: Int) -> Int {
        #if DEBUG
        return ProcessInfo.processInfo.environment["ESMSIM_LONG_TESTS"] == "1" ? optimized : debug
        #else
        return optimized
        #endif
    }
}
