import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// Sweeps end to end: point order, shards whose merge is the unsharded file byte for
/// byte, replications with confidence intervals, and problems reported before any run.
final class SweepTests: XCTestCase {
    /// A small provisioned backlog (about 30 simulated seconds a run) with random arrivals
    /// and durations, so replications differ.
    static let scenario = """
    {"name": "small-backlog", "topic": {"partitions": 8, "backlogRecords": 40000},
     "producer": {"recordsPerSecond": 200, "durationSeconds": 30, "arrivals": "poisson"},
     "function": {"durationMs": {"distribution": "lognormal", "mu": 3.0, "sigma": 0.4}, "memoryMB": 256},
     "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1}}}
    """

    func prepare(axes: String = #"{"MinimumPollers": [1, 2, 4], "BatchSize": [10, 100]}"#) throws -> String {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.scenario, folder, "small.json")
        try BuiltCommand.write(#"{"scenario": "small.json", "axes": \#(axes)}"#, folder, "sweep.json")
        return folder
    }

    func testPointsAreTheCartesianProductInOrder() throws {
        let folder = try prepare()
        let run = try BuiltCommand.run(["sweep", "sweep.json", "--out", "whole"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        let rows = try BuiltCommand.read(folder, "whole/sweep.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(Array(rows[0].prefix(4)), ["point", "MinimumPollers", "BatchSize", "scenario"])
        XCTAssertEqual(rows[0].count, 3 + RunOutputs.summaryColumns.count)
        XCTAssertEqual(rows.dropFirst().map { $0[0...2].joined(separator: " ") }, ["1 1 10", "2 1 100", "3 2 10", "4 2 100", "5 4 10", "6 4 100"])
        // More pollers with the same batch size drain no later.
        let drain = rows[0].firstIndex(of: "drain_time_s")!
        XCTAssertGreaterThanOrEqual(Double(rows[1][drain])!, Double(rows[5][drain])!)
    }

    func testShardsMergeIntoTheUnshardedBytes() throws {
        let folder = try prepare()
        XCTAssertEqual(try BuiltCommand.run(["sweep", "sweep.json", "--out", "whole", "--replications", "2"], in: folder).status, 0)
        // Four shards of six points: shard 4 gets only point 4; run them out of order.
        for index in [3, 1, 4, 2] {
            let shard = try BuiltCommand.run(["sweep", "sweep.json", "--out", "shards", "--shard", "\(index)/4", "--replications", "2"], in: folder)
            XCTAssertEqual(shard.status, 0, shard.errors)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/shards/sweep.shard-2-of-4.csv"))
        let merge = try BuiltCommand.run(["merge", "shards", "--out", "merged"], in: folder)
        XCTAssertEqual(merge.status, 0, merge.errors)
        for name in ["sweep.csv", "confidence.csv"] {
            XCTAssertEqual(try BuiltCommand.read(folder, "merged/" + name), try BuiltCommand.read(folder, "whole/" + name), name)
        }
        try FileManager.default.removeItem(atPath: folder + "/shards/sweep.shard-3-of-4.csv")
        let incomplete = try BuiltCommand.run(["merge", "shards", "--out", "merged"], in: folder)
        XCTAssertEqual(incomplete.status, 2)
        XCTAssertTrue(incomplete.errors.contains("sweep: shard 3 of 4 missing"), incomplete.errors)
    }

    func testReplicationsGiveSeedsInARowAndConfidenceIntervals() throws {
        let folder = try prepare(axes: #"{"MinimumPollers": [1, 4]}"#)
        let run = try BuiltCommand.run(["sweep", "sweep.json", "--out", "out", "--replications", "4", "--seed", "7"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        let rows = try BuiltCommand.read(folder, "out/sweep.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let seed = rows[0].firstIndex(of: "seed")!
        XCTAssertEqual(rows.dropFirst().map { "\($0[0]):\($0[seed])" }, ["1:7", "1:8", "1:9", "1:10", "2:7", "2:8", "2:9", "2:10"])
        let confidence = try BuiltCommand.read(folder, "out/confidence.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(confidence[0], ["point", "MinimumPollers"] + ReplicationSummary.columns)
        for row in confidence.dropFirst() {
            let numbers = row[4...].map { Double($0)! }
            XCTAssertEqual(row[2...3], ["4", "4"])
            XCTAssertLessThan(numbers[1], numbers[0], "random durations spread the drain times")
            XCTAssertLessThan(numbers[0], numbers[2])
            XCTAssertLessThanOrEqual(numbers[4], numbers[3])
        }
        let single = try BuiltCommand.run(["run", "small.json", "--out", "runs", "--replications", "3"], in: folder)
        XCTAssertEqual(single.status, 0, single.errors)
        XCTAssertTrue(single.output.contains("3 replications, seeds 1...3"))
        XCTAssertEqual(try BuiltCommand.read(folder, "runs/small/replications.csv").split(separator: "\n").count, 4)
        XCTAssertTrue(try BuiltCommand.read(folder, "runs/small/confidence.csv").contains("\nsmall-backlog,3,3,"))
    }

    func testConfidenceIntervalUsesStudentT() throws {
        let interval = try XCTUnwrap(ConfidenceInterval([1, 2, 3, 4, 5]))
        XCTAssertEqual(interval.mean, 3)
        XCTAssertEqual(try XCTUnwrap(interval.halfWidth), 2.776 * 2.5.squareRoot() / 5.0.squareRoot(), accuracy: 1e-9)
        XCTAssertNil(ConfidenceInterval([4])?.halfWidth)
        XCTAssertEqual(ConfidenceInterval.studentT975(degreesOfFreedom: 60), 2.000, accuracy: 0.001)
    }

    func testBadAxesAreReportedBeforeAnyRun() throws {
        let folder = try prepare(axes: #"{"BatchSzie": [10], "MinimumPollers": [1, 500], "recordsPerSecond": [5]}"#)
        let run = try BuiltCommand.run(["sweep", "sweep.json"], in: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("axes.BatchSzie: \"BatchSzie\" is not a scenario field; did you mean \"BatchSize\"?"), run.errors)
        let folder2 = try prepare(axes: #"{"MinimumPollers": [1, 500]}"#)
        let range = try BuiltCommand.run(["sweep", "sweep.json"], in: folder2)
        XCTAssertEqual(range.status, 2)
        XCTAssertTrue(range.errors.contains("sweep.json:1:59: eventSourceMapping.ProvisionedPollerConfig.MinimumPollers: 500 is outside 1...200 (point 2: MinimumPollers=500)"), range.errors)
    }
}
