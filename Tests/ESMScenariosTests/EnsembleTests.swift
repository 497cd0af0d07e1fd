import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import ESMModel
import EventEngine
import XCTest

/// Ensembles: one member is a plain run; ranges name the right members; N members cost
/// N simulations; the outputs do not depend on scheduling; charts draw the band.
final class EnsembleTests: XCTestCase {
    static let pricing = PlanTests.pricing

    func scenario() throws -> Scenario {
        try ScenarioLoader.parse(EnsembleFixtures.scenario, file: "small.json", defaultName: "small")
    }

    func threeMembers() throws -> ProfileSet {
        try ProfileSet.load(try EnsembleFixtures.threeMembers(in: try BuiltCommand.temporaryFolder(self)))
    }

    func testEnsembleOfOneIsThePlainRun() throws {
        let scenario = try scenario()
        let profile = try ProfileStore.load("aws-2024")
        let set = ProfileSet(name: "one", description: "", members: [.init(name: "aws-2024", profile: profile)])
        let run = EnsembleRun(scenario, set: set, options: .init(), pricing: Self.pricing)
        let plain = ScenarioRunner.run(scenario, profile: profile, options: .init())
        XCTAssertEqual(run.results, [plain])
        XCTAssertEqual(run.records, [try ScenarioRunner.record(scenario, profile: profile, options: .init(), pricing: Self.pricing, file: "test")])
        for range in run.ranges {
            XCTAssertEqual(range.spread, 0, range.metric)
            XCTAssertTrue(range.agrees)
            XCTAssertEqual(MetricRange.cell(range.median), run.records[0][range.metric], range.metric)
            XCTAssertEqual(range.minimumMember, "aws-2024")
        }
    }

    func testRangesOfAHandBuiltSet() {
        let members = ["a", "b", "c"]
        let drain = MetricRange(metric: "drain_time_s", values: [600, 300, 450], members: members)
        XCTAssertEqual([drain.minimum, drain.median, drain.maximum], [300, 450, 600])
        XCTAssertEqual([drain.minimumMember, drain.maximumMember], ["b", "a"])
        XCTAssertEqual(drain.spread, 300.0 / 450, accuracy: 1e-12)
        XCTAssertFalse(drain.agrees)
        XCTAssertEqual(drain.cells, ["drain_time_s", "300", "b", "450", "600", "a", "0.667", "no"])
        // A member that never drained ranks above every number, and the ends say who.
        let never = MetricRange(metric: "drain_time_s", values: [600, nil, 450], members: members)
        XCTAssertEqual(never.maximumMember, "b")
        XCTAssertEqual(never.cells[4], "")
        XCTAssertEqual(never.spread, .infinity)
        // Ties name the first member in set order; an even count takes the mean of the middle two.
        let tied = MetricRange(metric: "max_concurrency", values: [4, 4, 2, 8], members: ["a", "b", "c", "d"])
        XCTAssertEqual([tied.minimumMember, tied.maximumMember], ["c", "d"])
        XCTAssertEqual(tied.median, 4)
        XCTAssertTrue(MetricRange(metric: "x", values: [100, 105, 109], members: members).agrees)
        XCTAssertEqual(EnsembleOutputs.memberFolders(["a/b", "a_b", "..", "ok-1.2"]), ["members/a_b", "members/a_b-2", "members/_..", "members/ok-1.2"])
    }

    func testRangesMatchEachMembersOwnRun() throws {
        let scenario = try scenario()
        let set = try threeMembers()
        let run = EnsembleRun(scenario, set: set, options: .init(), pricing: Self.pricing)
        let own = try set.members.map { try ScenarioRunner.record(scenario, profile: $0.profile, options: .init(), pricing: Self.pricing, file: "test") }
        XCTAssertEqual(run.records, own)
        var disagreeing = 0
        for range in run.ranges {
            let values = own.map { $0.number(range.metric) ?? .infinity }
            XCTAssertEqual(range.minimum, values.min(), range.metric)
            XCTAssertEqual(range.maximum, values.max(), range.metric)
            XCTAssertEqual(range.median, values.sorted()[1], range.metric)
            XCTAssertEqual(values[set.memberNames.firstIndex(of: range.minimumMember)!], range.minimum)
            XCTAssertEqual(values[set.memberNames.firstIndex(of: range.maximumMember)!], range.maximum)
            if !range.agrees { disagreeing += 1 }
        }
        XCTAssertGreaterThan(disagreeing, 0, "aws-2021 scales differently from aws-2024")
        let csv = EnsembleOutputs.summaryCSV(run)
        XCTAssertTrue(csv.hasPrefix("metric,min,min_member,median,max,max_member,spread,agree\n"))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + run.ranges.count)
        XCTAssertEqual(EnsembleOutputs.membersCSV(run).split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }, set.memberNames)
    }

    func testAnEnsembleOfNCostsNSimulations() throws {
        let scenario = try scenario()
        let set = try threeMembers()
        let counter = Counter()
        let run = EnsembleRun(scenario, set: set, options: .init(), pricing: Self.pricing) { scenario, profile, options in
            counter.add()
            return ScenarioRunner.run(scenario, profile: profile, options: options)
        }
        XCTAssertEqual(counter.value, set.members.count)
        XCTAssertEqual(run.results.count, 3)
    }

    func testOutputsAreTheSameWhateverTheScheduling() throws {
        let scenario = try scenario()
        let set = try threeMembers()
        // Members run in reverse on one thread, in a fixed order unlike any parallel run:
        // the files must still be byte-identical to the parallel run's.
        let serial = set.members.reversed().map { ScenarioRunner.run(scenario, profile: $0.profile, options: .init()) }
        let reference = EnsembleRun(scenario, set: set, options: .init(), pricing: Self.pricing)
        XCTAssertEqual(reference.results, serial.reversed())
        for _ in 0..<3 {
            let again = EnsembleRun(scenario, set: set, options: .init(), pricing: Self.pricing)
            XCTAssertEqual(EnsembleOutputs.summaryCSV(again), EnsembleOutputs.summaryCSV(reference))
            XCTAssertEqual(EnsembleOutputs.membersCSV(again), EnsembleOutputs.membersCSV(reference))
        }
    }

    func testBandChartShadesTheRangeUnderTheMedian() throws {
        let run = EnsembleRun(try scenario(), set: try threeMembers(), options: .init(), pricing: Self.pricing)
        let figure = EnsembleChart.figure(members: run.members, results: run.results, title: "band")
        let lag = try XCTUnwrap(figure.panels.first { $0.heading == RunChart.Headings.offsetLag })
        let band = try XCTUnwrap(lag.bands.first)
        let median = try XCTUnwrap(lag.series.first)
        XCTAssertEqual(band.points.count, median.points.count)
        XCTAssertTrue(band.points.contains { $0.high > $0.low }, "the members differ somewhere")
        for (range, middle) in zip(band.points, median.points) {
            XCTAssertEqual(range.time, middle.time)
            XCTAssertLessThanOrEqual(range.low, middle.value)
            XCTAssertLessThanOrEqual(middle.value, range.high)
        }
        let svg = figure.svg()
        XCTAssertEqual(svg.components(separatedBy: "<polygon class=\"band\"").count - 1, 4, "one band per panel")
        let html = EnsembleReport.html(setName: "three", setDescription: "d", members: run.members, results: run.results, costs: run.costs, title: "t")
        XCTAssertTrue(html.contains("<tr class=\"disagree\">"))
        XCTAssertTrue(html.contains("<tr class=\"agree\">"))
    }

    func testObservedSeriesTellsWhichMembersAreConsistent() throws {
        let run = EnsembleRun(try scenario(), set: try threeMembers(), options: .init(), pricing: Self.pricing)
        // The series aws-2021 produced, as if observed: aws-2021 fits it exactly.
        let rows = run.results[1].rows
        // CloudWatch stamps a period at its start; the model's sample closes it.
        let points = zip(rows, rows.dropFirst()).map { MetricSeries.Point(time: Int64($0.time / Ticks.perMillisecond), value: Double($1.offsetLagSum)) }
        let observed = ObservedSeries(metric: .offsetLagSum, series: MetricSeries(file: "observed.csv", label: "SumOffsetLag", points: points))
        let fits = ObservedFit.fits(observed, run: run)
        XCTAssertEqual(fits.map(\.member), run.members)
        XCTAssertTrue(fits[1].consistent)
        XCTAssertEqual(fits[1].comparison.meanAbsoluteError, 0, accuracy: 1e-9)
        XCTAssertTrue(ObservedFit.table(fits).contains("aws-2021"))
    }

    func testCommandLineEnsembleRunWritesRangesAndMembers() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let setPath = try EnsembleFixtures.threeMembers(in: folder)
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "small.json")
        let run = try BuiltCommand.run(["run", "small.json", "--ensemble", setPath, "--out", "out", "--charts"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        let summary = try BuiltCommand.read(folder, "out/small/ensemble-summary.csv")
        XCTAssertTrue(summary.contains("\ndrain_time_s,"))
        for member in ["aws-2024", "aws-2021", "aws-2024-slow"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/small/members/\(member)/timeseries.csv"), member)
        }
        XCTAssertTrue(try BuiltCommand.read(folder, "out/small/chart.svg").contains("data-band=\"offset lag\""))
        let both = try BuiltCommand.run(["run", "small.json", "--ensemble", setPath, "--profile", "aws-2024"], in: folder)
        XCTAssertEqual(both.status, 2)
        try BuiltCommand.write(#"{"name": "bad", "description": "d", "members": ["aws-2024", "aws-2024"]}"#, folder, "bad.json")
        let bad = try BuiltCommand.run(["compare", "small.json", "--ensemble", "bad.json"], in: folder)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.errors.contains("bad.json:1:61: members[1]: \"aws-2024\" is already a member"), bad.errors)
    }
}

/// A count shared by concurrent workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// `sweep --ensemble` and `fidelity --ensemble` on small inputs.
final class EnsembleStudyTests: XCTestCase {
    func testSweepRunsEveryPointUnderEveryMember() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let setPath = try EnsembleFixtures.threeMembers(in: folder)
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "small.json")
        try BuiltCommand.write(#"{"scenario": "small.json", "axes": {"MinimumPollers": [1, 4]}}"#, folder, "sweep.json")
        let sweep = try Sweep.load(path: folder + "/sweep.json")
        let set = try ProfileSet.load(setPath)
        let job = try SweepJob.prepareEnsemble(sweep, members: set.members.count, options: .init())
        let written = try job.writeEnsemble(into: folder + "/out", set: set, options: .init(), pricing: PlanTests.pricing)
        XCTAssertEqual(written.map { ($0 as NSString).lastPathComponent }, ["sweep.csv", "sweep-ensemble.csv"])
        let rows = CSVReader.rows(try BuiltCommand.read(folder, "out/sweep.csv")).map(\.cells).filter { $0 != [""] }
        XCTAssertEqual(rows[0].prefix(3), ["point", "MinimumPollers", "member"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] + "/" + $0[2] }, ["1/aws-2024", "1/aws-2021", "1/aws-2024-slow", "2/aws-2024", "2/aws-2021", "2/aws-2024-slow"])
        // Each point's ranges are those of its members' rows.
        let small = try ScenarioLoader.parse(EnsembleFixtures.scenario, file: "small.json", defaultName: "small")
        let point = EnsembleRun(try sweep.scenario(at: 0), set: set, options: .init(), pricing: PlanTests.pricing)
        XCTAssertEqual(small.topic.partitions, 4)
        let ranges = CSVReader.rows(try BuiltCommand.read(folder, "out/sweep-ensemble.csv")).map(\.cells).filter { $0.first == "1" }
        XCTAssertEqual(ranges.map { Array($0.dropFirst(2)) }, point.ranges.map(\.cells))
    }

    func testFidelityRanksProbesByDisagreement() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let set = try ProfileSet.load(try EnsembleFixtures.threeMembers(in: folder))
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "small.json")
        try BuiltCommand.write("""
        scenario,metric,question,measure
        small.json,records_produced,"Records produced","count them"
        small.json,time_to_max_concurrency_s,"Time to maximum concurrency","read ConcurrentExecutions"
        """, folder, "probes.csv")
        let probes = try ProbeFile.load(path: folder + "/probes.csv")
        XCTAssertEqual(probes.map(\.scenarioPath), [folder + "/small.json", folder + "/small.json"])
        let counter = Counter()
        let found = try EnsembleFidelity.disagreements(probes, set: set) { scenario, profile, options in
            counter.add()
            return ScenarioRunner.run(scenario, profile: profile, options: options)
        }
        XCTAssertEqual(counter.value, probes.count * set.members.count)
        XCTAssertEqual(found.map(\.probe.metric), ["time_to_max_concurrency_s", "records_produced"], "most disputed first")
        XCTAssertEqual(found.last?.range.spread, 0)
        XCTAssertTrue(EnsembleFidelity.disagreementTable(found).contains("read ConcurrentExecutions"))
        try BuiltCommand.write("scenario,metric,question,measure\nsmall.json,drain_tme_s,q,m\n", folder, "bad.csv")
        XCTAssertThrowsError(try ProbeFile.load(path: folder + "/bad.csv")) { error in
            XCTAssertTrue("\(error)".contains("bad.csv:2:12: metric: unknown summary metric \"drain_tme_s\"; did you mean \"drain_time_s\"?"), "\(error)")
        }
    }
}
