import Foundation
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
import XCTest

/// `merge` against every way a set of shards can be wrong: each case must exit 2, name
/// the shard and the difference, and write nothing; the untouched set must still merge
/// into the unsharded bytes.
final class ShardMergeTableTests: XCTestCase {
    /// A deterministic backlog that drains in a few simulated seconds: cheap runs.
    static let scenario = """
    {"name": "tiny", "topic": {"partitions": 2, "backlogRecords": 2000},
     "function": {"durationMs": 20, "memoryMB": 128}, "eventSourceMapping": {"BatchSize": 100}}
    """
    static let axes = #"{"BatchSize": [10, 50, 100, 500], "backlogRecords": [1000, 3000, 5000]}"#

    /// A folder with the sweep, its unsharded output in `whole/`, and three shards in `good/`.
    func prepare() throws -> String {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.scenario, folder, "tiny.json")
        try BuiltCommand.write(#"{"scenario": "tiny.json", "axes": \#(Self.axes)}"#, folder, "sweep.json")
        XCTAssertEqual(try BuiltCommand.run(["sweep", "sweep.json", "--out", "whole", "--replications", "2"], in: folder).status, 0)
        for index in 1...3 {
            let shard = try BuiltCommand.run(["sweep", "sweep.json", "--shard", "\(index)/3", "--out", "good", "--replications", "2"], in: folder)
            XCTAssertEqual(shard.status, 0, shard.errors)
        }
        return folder
    }

    /// Copies the good shards to `name/`, lets `damage` change shard 2's sweep file, merges.
    func merge(_ folder: String, _ name: String, damage: (inout String) throws -> Void) throws -> BuiltCommand.Outcome {
        try FileManager.default.copyItem(atPath: folder + "/good", toPath: folder + "/" + name)
        let path = "\(name)/sweep.shard-2-of-3.csv"
        var text = try BuiltCommand.read(folder, path)
        try damage(&text)
        try BuiltCommand.write(text, folder, path)
        return try BuiltCommand.run(["merge", name, "--out", name + "-merged"], in: folder)
    }

    /// Shard 2 rerun into `name/` with other arguments or another sweep file.
    func rerun(_ folder: String, _ name: String, sweep: String = "sweep.json", _ extra: [String] = []) throws -> BuiltCommand.Outcome {
        try FileManager.default.copyItem(atPath: folder + "/good", toPath: folder + "/" + name)
        let run = try BuiltCommand.run(["sweep", sweep, "--shard", "2/3", "--out", name, "--replications", "2"] + extra, in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        return try BuiltCommand.run(["merge", name, "--out", name + "-merged"], in: folder)
    }

    func testEveryDamagedOrForeignShardIsRefusedByName() throws {
        let folder = try prepare()
        let good = try BuiltCommand.run(["merge", "good", "--out", "merged"], in: folder)
        XCTAssertEqual(good.status, 0, good.errors)
        for name in ["sweep.csv", "confidence.csv"] {
            XCTAssertEqual(try BuiltCommand.read(folder, "merged/" + name), try BuiltCommand.read(folder, "whole/" + name), name)
        }
        func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }
        // The damaged shard's sweep file: identity, header, 8 rows (4 points x 2), end line.
        let cases: [(name: String, expected: String, outcome: () throws -> BuiltCommand.Outcome)] = [
            ("truncated", "cut short", { try self.merge(folder, "truncated") { $0 = String($0.prefix($0.count / 2)) } }),
            ("cut-after-a-row", "cut short", { try self.merge(folder, "cut-after-a-row") { text in
                text = lines(text).prefix(6).joined(separator: "\n") + "\n"
            } }),
            ("missing-last-row", "rows end early", { try self.merge(folder, "missing-last-row") { text in
                var all = lines(text)
                all.remove(at: all.count - 3)  // the last row, before the end line and the final ""
                text = all.joined(separator: "\n")
            } }),
            ("duplicated-row", "where point 5 belongs", { try self.merge(folder, "duplicated-row") { text in
                var all = lines(text)
                all.insert(all[2], at: 3)
                text = all.joined(separator: "\n")
            } }),
            ("extra-columns", "columns where the header has", { try self.merge(folder, "extra-columns") { text in
                var all = lines(text)
                all[4] += ",extra"
                text = all.joined(separator: "\n")
            } }),
            ("edited-value", "changed after esmsim wrote them", { try self.merge(folder, "edited-value") { text in
                var all = lines(text)
                all[3] = Substring(all[3].replacingOccurrences(of: ",aws-2024,", with: ",aws-2025,"))
                text = all.joined(separator: "\n")
            } }),
            ("other-version", "esmsim version 0.0.1", { try self.merge(folder, "other-version") { text in
                text = text.replacingOccurrences(of: "version=\(ESMSimVersion.current)", with: "version=0.0.1")
            } }),
            ("no-identity", "no #esmsim-shard identity line", { try self.merge(folder, "no-identity") { text in
                text = lines(text).dropFirst().joined(separator: "\n")
            } }),
            ("other-seed", "seed (--seed or the base scenario's) 9", { try self.rerun(folder, "other-seed", ["--seed", "9"]) }),
            ("other-profile", "behaviour profile", { try self.rerun(folder, "other-profile", ["--profile", "aws-2021"]) }),
            ("other-interval", "sampling interval (--interval) 30", { try self.rerun(folder, "other-interval", ["--interval", "30"]) }),
            ("other-prices", "prices", { try self.rerun(folder, "other-prices", ["--free-tier"]) }),
            ("other-scenario", "base scenario", {
                try BuiltCommand.write(Self.scenario.replacingOccurrences(of: "\"durationMs\": 20", with: "\"durationMs\": 21"), folder, "tiny2.json")
                try BuiltCommand.write(#"{"scenario": "tiny2.json", "axes": \#(Self.axes)}"#, folder, "sweep-scenario.json")
                return try self.rerun(folder, "other-scenario", sweep: "sweep-scenario.json")
            }),
            ("other-axes", "axes or axis values", {
                try BuiltCommand.write(#"{"scenario": "tiny.json", "axes": \#(Self.axes.replacingOccurrences(of: "500", with: "400"))}"#, folder, "sweep-axes.json")
                return try self.rerun(folder, "other-axes", sweep: "sweep-axes.json")
            }),
        ]
        for (name, expected, outcome) in cases {
            let merge = try outcome()
            XCTAssertEqual(merge.status, 2, "\(name): \(merge.errors)")
            // Reruns replace confidence.csv's shard too, which is merged first.
            XCTAssertTrue(merge.errors.contains("\(name)/sweep.shard-2-of-3.csv") || merge.errors.contains("\(name)/confidence.shard-2-of-3.csv"), "\(name) names the shard: \(merge.errors)")
            XCTAssertTrue(merge.errors.contains(expected), "\(name) says \"\(expected)\": \(merge.errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: "\(folder)/\(name)-merged/sweep.csv"), "\(name) wrote nothing")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }, [], "\(name) left no temporary file")
        }
    }

    func testShardCountsAreBounded() throws {
        let folder = try prepare()
        for (shard, expected) in [
            ("1/9223372036854775807", "1 to 10,000 shards"), ("13/13", "the sweep has 12 points, so at most 12 shards"),
            ("0/3", "the shard number must be 1 to 3"), ("4/3", "the shard number must be 1 to 3"), ("a/3", "the shard number must be 1 to 3"),
            ("1/0", "1 to 10,000 shards"), ("1-3", "--shard takes I/N"),
        ] {
            let run = try BuiltCommand.run(["sweep", "sweep.json", "--shard", shard, "--out", "bounded"], in: folder)
            XCTAssertEqual(run.status, 2, shard)
            XCTAssertTrue(run.errors.contains(expected), "\(shard): \(run.errors)")
        }
        XCTAssertNil(Shard.parseFileName("sweep.shard-1-of-9223372036854775807.csv"))
        XCTAssertNil(Shard.parseFileName("sweep.shard-1-of-10001.csv"))
        XCTAssertEqual(Shard.parseFileName("sweep.shard-10-of-10000.csv")?.shard, Shard(index: 10, count: 10_000))
        try BuiltCommand.write("#esmsim-shard\n", folder, "sweep.shard-1-of-9223372036854775807.csv")
        let merge = try BuiltCommand.run(["merge", "sweep.shard-1-of-9223372036854775807.csv"], in: folder)
        XCTAssertEqual(merge.status, 2)
        XCTAssertTrue(merge.errors.contains("is not a shard file"), merge.errors)
    }

    func testAutoShardReadsEachSchedulersArrayIndex() throws {
        let cases: [(environment: [String: String], shard: Shard?, expected: String?)] = [
            (["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "15"], Shard(index: 6, count: 16), nil),
            (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "16"], Shard(index: 1, count: 16), nil),
            (["SLURM_ARRAY_TASK_ID": "16"], nil, "SLURM_ARRAY_TASK_ID=16 is outside 0...15"),
            (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "7"], nil, "runs tasks 0...7 (8 tasks), not 16"),
            (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_STEP": "2"], nil, "steps by 2"),
            (["JOB_COMPLETION_INDEX": "0"], Shard(index: 1, count: 16), nil),
            (["JOB_COMPLETION_INDEX": "-1"], nil, "JOB_COMPLETION_INDEX=-1 is outside 0...15, the 16 tasks of the Kubernetes Indexed Job"),
            (["AWS_BATCH_JOB_ARRAY_INDEX": "15"], Shard(index: 16, count: 16), nil),
            (["AWS_BATCH_JOB_ARRAY_INDEX": "16"], nil, "AWS_BATCH_JOB_ARRAY_INDEX=16 is outside 0...15"),
            (["AWS_BATCH_JOB_ARRAY_INDEX": "x"], nil, "AWS_BATCH_JOB_ARRAY_INDEX=\"x\" is not an integer"),
            ([:], nil, "none of SLURM_ARRAY_TASK_ID (Slurm job array), JOB_COMPLETION_INDEX (Kubernetes Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job) is set"),
        ]
        for (environment, shard, expected) in cases {
            do {
                let parsed = try Shard.parse("auto/16", environment: environment)
                XCTAssertEqual(parsed, shard, "\(environment)")
                XCTAssertNil(expected, "\(environment)")
            } catch {
                XCTAssertNil(shard, "\(environment): \(error)")
                XCTAssertTrue(error.description.contains(expected ?? "no error"), "\(environment): \(error)")
            }
        }
        // End to end: an Indexed Job's third task runs shard 3 of 3 and names its file so.
        let folder = try prepare()
        let run = try BuiltCommand.run(["sweep", "sweep.json", "--shard", "auto/3", "--out", "auto"], in: folder, environment: ["JOB_COMPLETION_INDEX": "2"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("(shard 3 of 3)"), run.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/auto/sweep.shard-3-of-3.csv"))
    }
}
