import Foundation
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
import XCTest

/// Sweeps and plans that cannot finish are refused before any run, with their size and
/// what drives it; axes that name one field twice are refused; shard files are framed.
final class StudyLimitTests: XCTestCase {
    func sweep(axes: String) throws -> (folder: String, sweep: Sweep) {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(ShardMergeTableTests.scenario, folder, "tiny.json")
        try BuiltCommand.write(#"{"scenario": "tiny.json", "axes": \#(axes)}"#, folder, "sweep.json")
        return (folder, try Sweep.load(path: folder + "/sweep.json"))
    }

    func testAliasesOfOneFieldAreRefused() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(ShardMergeTableTests.scenario, folder, "tiny.json")
        for (axes, expected) in [
            (#"{"BatchSize": [10], "eventSourceMapping.BatchSize": [100]}"#, #"axes.eventSourceMapping.BatchSize: names the same field as "BatchSize" (eventSourceMapping.BatchSize); give each field once"#),
            (#"{"topic.partitions": [2], "partitions": [4]}"#, #"axes.partitions: names the same field as "topic.partitions""#),
            (#"{"eventSourceMapping.ProvisionedPollerConfig": [{"MinimumPollers": 1}], "MinimumPollers": [2]}"#,
             #"axes.MinimumPollers: overlaps "eventSourceMapping.ProvisionedPollerConfig" (eventSourceMapping.ProvisionedPollerConfig and eventSourceMapping.ProvisionedPollerConfig.MinimumPollers): one would override the other"#),
        ] {
            try BuiltCommand.write(#"{"scenario": "tiny.json", "axes": \#(axes)}"#, folder, "sweep.json")
            let run = try BuiltCommand.run(["sweep", "sweep.json", "--out", "out"], in: folder)
            XCTAssertEqual(run.status, 2, axes)
            XCTAssertTrue(run.errors.contains(expected), "\(axes): \(run.errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
        }
        try BuiltCommand.write(#"{"workload": "tiny.json", "target": {"maxDrainSeconds": 60}, "space": {"BatchSize": [10], "eventSourceMapping.BatchSize": [100]}}"#, folder, "plan.json")
        XCTAssertThrowsError(try CapacityPlan.load(path: folder + "/plan.json")) { error in
            XCTAssertTrue("\(error)".contains("names the same field as \"BatchSize\""), "\(error)")
        }
    }

    func testSweepsBeyondTheWorkLimitAreRefusedWithWhatDrivesThem() throws {
        let (folder, sweep) = try sweep(axes: #"{"BatchSize": [1, 10, 100, 1000], "backlogRecords": [1000, 100000]}"#)
        // The number of runs alone, before any point is built.
        let batches = (1...2_000).map(String.init).joined(separator: ", ")
        try BuiltCommand.write(#"{"scenario": "tiny.json", "axes": {"BatchSize": [\#(batches)]}}"#, folder, "many.json")
        let many = try BuiltCommand.run(["sweep", "many.json", "--replications", "10000", "--out", "out"], in: folder)
        XCTAssertEqual(many.status, 2, many.errors)
        XCTAssertTrue(many.errors.contains("many.json: axes: too large for one process: 2,000 points x 10000 replications = 20 million runs, about 40 billion events in all (the limit is 30 billion, about 2 core-hours); mostly the number of runs: BatchSize (2000 values) x --replications 10000; give fewer values, or split it with --shard I/N into at least 2 shards"), many.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
        // One costly point: the message names it. (Batch by batch: compressed, the backlog
        // points cost a few cycles per steady stretch and fit.)
        let limits = StudyLimits(maximumEvents: 350_000, overheadEventsPerRun: 10)
        var batchByBatch = ScenarioRunner.Options()
        batchByBatch.compression = false
        XCTAssertThrowsError(try SweepJob.prepare(sweep, shard: .whole, replications: 1, options: batchByBatch, limits: limits)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("mostly the runs' own work: point 2 (BatchSize=1, backlogRecords=100000) alone is about 310,092 events"), text)
            XCTAssertTrue(text.contains("or split it with --shard I/N into at least 2 shards"), text)
        }
        // Split far enough, each shard fits; a point beyond the limit alone cannot be split away.
        XCTAssertNoThrow(try SweepJob.prepare(sweep, shard: Shard(index: 2, count: 8)!, replications: 1, options: batchByBatch, limits: limits))
        XCTAssertThrowsError(try SweepJob.prepare(sweep, shard: .whole, replications: 1, options: batchByBatch, limits: StudyLimits(maximumEvents: 300_000, overheadEventsPerRun: 10))) { error in
            XCTAssertFalse("\(error)".contains("--shard"), "\(error)")
        }
        let job = try SweepJob.prepare(sweep, shard: .whole, replications: 1, options: batchByBatch)
        XCTAssertGreaterThan(job.estimatedEvents, 100_000 * 2)
        let compressed = try SweepJob.prepare(sweep, shard: .whole, replications: 1, options: .init(), limits: limits)
        XCTAssertLessThan(compressed.estimatedEvents, job.estimatedEvents)
    }

    func testPlansBeyondTheLimitsAreRefusedBeforeAnySimulation() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(ShardMergeTableTests.scenario, folder, "tiny.json")
        let minimums = (1...200).map(String.init).joined(separator: ", ")
        let batches = (1...400).map { String($0 * 25) }.joined(separator: ", ")
        try BuiltCommand.write(#"""
        {"workload": "tiny.json", "target": {"maxDrainSeconds": 60},
         "space": {"mode": ["on-demand", "provisioned"], "MinimumPollers": [\#(minimums)], "MaximumPollers": [200, 300],
                   "BatchSize": [\#(batches)], "memoryMB": [128, 256, 512, 1024, 2048, 4096, 8192]}}
        """#, folder, "huge.json")
        let huge = try BuiltCommand.run(["plan", "huge.json", "--out", "out"], in: folder)
        XCTAssertEqual(huge.status, 2)
        XCTAssertTrue(huge.errors.contains("huge.json: space: 1.1 million configurations, more than the 1 million a plan searches; mostly BatchSize (400) x MinimumPollers (200) x memoryMB (7)"), huge.errors)
        try BuiltCommand.write(#"{"workload": "tiny.json", "target": {"maxDrainSeconds": 60}, "space": {"mode": ["provisioned"], "MinimumPollers": [1, 2, 4], "BatchSize": [1, 10]}}"#, folder, "long.json")
        let plan = try CapacityPlan.load(path: folder + "/long.json")
        let pricing = PlanTests.pricing
        XCTAssertThrowsError(try CapacityPlanner.search(plan, options: .init(), pricing: pricing, limits: StudyLimits(maximumEvents: 5_000, overheadEventsPerRun: 10))) { error in
            XCTAssertTrue("\(error)".contains("long.json: space: too long to search: up to 6 simulations"), "\(error)")
            XCTAssertTrue("\(error)".contains("(BatchSize=1)"), "\(error)")
        }
        XCTAssertNoThrow(try CapacityPlanner.search(plan, options: .init(), pricing: pricing))
        XCTAssertThrowsError(try CapacityPlan.load(path: folder + "/long.json", limits: StudyLimits(maximumPlanConfigurations: 5)))
    }

    func testShardFilesAreFramedAndWholeSweepsArePlainCSV() throws {
        let (folder, _) = try sweep(axes: #"{"BatchSize": [10, 100, 1000]}"#)
        XCTAssertEqual(try BuiltCommand.run(["sweep", "sweep.json", "--shard", "2/2", "--out", "out"], in: folder).status, 0)
        XCTAssertEqual(try BuiltCommand.run(["sweep", "sweep.json", "--out", "out"], in: folder).status, 0)
        let lines = try BuiltCommand.read(folder, "out/sweep.shard-2-of-2.csv").split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        let identity = try XCTUnwrap(ShardIdentity.parse(lines[0]))
        XCTAssertEqual(identity.shard, Shard(index: 2, count: 2))
        XCTAssertEqual(identity["rows"], "1")
        XCTAssertEqual(identity["points"], "3")
        XCTAssertEqual(identity["version"], ESMSimVersion.current)
        let end = try XCTUnwrap(ShardIdentity.parseEnd(lines[3]))
        XCTAssertEqual(end.rows, 1)
        XCTAssertEqual(end.checksum, ContentHash(lines[1...2].joined(separator: "\n") + "\n").hex)
        XCTAssertTrue(try BuiltCommand.read(folder, "out/sweep.csv").hasPrefix("point,BatchSize,scenario,"))
    }
}
