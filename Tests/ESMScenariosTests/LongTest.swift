import Foundation
import XCTest

/// Long tests replay whole scenarios hundreds of times (calibration); unoptimized they
/// take minutes. They are skipped in debug builds and run by the release test job,
/// `swift test -c release -Xswiftc -enable-testing`, which `.ci/run` runs too.
/// `ESMSIM_LONG_TESTS=1` runs them in a debug build anyway.
enum LongTest {
    /// Skips the calling test unless the build is optimized or long tests are asked for.
    static func requireOptimizedBuild() throws {
        if !enabled {
            throw XCTSkip("long test: runs in `swift test -c release -Xswiftc -enable-testing` (or set ESMSIM_LONG_TESTS=1)")
        }
    }

    /// Whether long tests run: in optimized builds, or when `ESMSIM_LONG_TESTS=1` asks.
    static var enabled: Bool {
        #if DEBUG
        return ProcessInfo.processInfo.environment["ESMSIM_LONG_TESTS"] == "1"
        #else
        return true
        #endif
    }

    /// `full` when long tests run, else `short`: property tests check every random case
    /// in the release job and a prefix of the same seeded sequence in debug builds.
    static func trials(full: Int, short: Int) -> Int {
        enabled ? full : short
    }
}
