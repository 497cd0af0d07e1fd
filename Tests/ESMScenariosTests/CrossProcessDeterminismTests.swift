import Foundation
import XCTest

/// Determinism across processes: the built `esmsim`, run twice in separate processes with
/// different hash seeds, writes byte-identical files for every shipped scenario. Runs inside
/// one process share a hash seed, so an order that leaked from a Dictionary or a Set into
/// an output would pass every in-process comparison and fail here.
final class CrossProcessDeterminismTests: XCTestCase {
    func testSeparateProcessesWithDifferentHashSeedsWriteTheSameBytes() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.root + "/Scenarios")
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(scenarios.count, 10)
        var arguments = ["run"] + scenarios.map { RepositoryPaths.scenario($0) } + ["--charts", "--replications", "2", "--interval", "10"]
        // Unoptimized, whole runs take minutes; ninety simulated seconds of each still pass
        // through every path (backlogs, scaling, errors, poller groups). The release test
        // job runs them whole.
        if LongTest.cases(optimized: 1, debug: 0) == 0 { arguments += ["--horizon", "90"] }
        // Unset, Swift seeds Hasher afresh in every process; SWIFT_DETERMINISTIC_HASHING fixes the seed.
        let hashSettings: [(label: String, value: String?)] = [("random-a", nil), ("fixed", "1"), ("random-b", nil)]
        var outputs: [[String: Data]] = []
        for setting in hashSettings {
            let run = try BuiltCommand.run(arguments + ["--out", setting.label], in: folder,
                                           environment: ["SWIFT_DETERMINISTIC_HASHING": setting.value])
            XCTAssertEqual(run.status, 0, run.errors)
            outputs.append(try Self.files(under: folder + "/" + setting.label))
        }
        let reference = outputs[0]
        XCTAssertGreaterThanOrEqual(reference.count, 4 * scenarios.count, "timeseries, summary, chart and replications per scenario")
        for (setting, files) in zip(hashSettings, outputs).dropFirst() {
            XCTAssertEqual(files.keys.sorted(), reference.keys.sorted(), setting.label)
            for (path, bytes) in reference.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(files[path], bytes, "\(path) differs between process random-a and process \(setting.label)")
            }
        }
    }

    /// Every file below `root`, by path relative to it.
    static func files(under root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
        return files
    }
}
