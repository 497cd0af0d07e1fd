import Foundation
import XCTest

/// Another package can depend on esmsim by version: a scratch package that names a local
/// clone of this repository, tagged, as `.package(url:from:)` builds and runs a scenario.
/// SwiftPM refuses a versioned dependency that uses unsafe flags, so this fails if any
/// target of Package.swift gains one. It tests the committed HEAD (a clone), builds a
/// second copy of the libraries, and so is a long test (the release test job runs it).
final class PackageDependencyTests: XCTestCase {
    func testAScratchPackageDependsOnEsmsimByVersion() throws {
        try LongTest.requireOptimizedBuild()
        let folder = try BuiltCommand.temporaryFolder(self)
        let clone = folder + "/esmsim"
        try Self.shell(["git", "clone", "--quiet", RepositoryPaths.root, clone], in: folder)
        try Self.shell(["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "tag", "-a", "99.0.0", "-m", "test tag"], in: clone)
        let user = folder + "/user"
        try FileManager.default.createDirectory(atPath: user + "/Sources/user", withIntermediateDirectories: true)
        try """
        // swift-tools-version:6.0
        import PackageDescription
        let package = Package(
            name: "user",
            dependencies: [.package(url: "file://\(clone)", from: "99.0.0")],
            targets: [.executableTarget(name: "user", dependencies: [.product(name: "ESMScenarios", package: "esmsim")])]
        )
        """.write(toFile: user + "/Package.swift", atomically: true, encoding: .utf8)
        let scenario = RepositoryPaths.scenario("provisioned-blog-min100.json")
        try """
        import ESMScenarios
        let scenario = try ScenarioLoader.load(path: "\(scenario)")
        let profile = try ScenarioRunner.profile(for: scenario, options: .init())
        let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
        print("drained:", result.summary.drainTime != nil)
        """.write(toFile: user + "/Sources/user/main.swift", atomically: true, encoding: .utf8)
        let output = try Self.shell(["swift", "run", "-c", "release", "user"], in: user)
        XCTAssertTrue(output.contains("drained: true"), output)
    }

    /// Runs a command and returns its standard output; fails the test with its errors.
    @discardableResult
    static func shell(_ arguments: [String], in folder: String) throws -> String {
        let outcome = try BuiltCommand.run(program: URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder)
        if outcome.status != 0 {
            XCTFail("\(arguments.joined(separator: " ")) exited \(outcome.status):\n\(outcome.output)\n\(outcome.errors)")
        }
        return outcome.output
    }
}
