import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies

/// Clock time, lag figures, observed series, duration by memory and fitting to a series.
final class TrafficScenarioTests: XCTestCase {
    /// An on-demand incident: steady traffic with a burst, lag that rises and recovers.
    static let incident = """
    {"name": "incident", "startTime": "2026-11-02T13:30:00+01:00", "horizonSeconds": 7200,
     "topic": {"partitions": 6},
     "producer": {"schedule": [{"startSeconds": 0, "durationSeconds": 600, "recordsPerSecond": 300},
                               {"startSeconds": 600, "durationSeconds": 300, "recordsPerSecond": 3000},
                               {"startSeconds": 900, "durationSeconds": 1500, "recordsPerSecond": 300}]},
     "function": {"durationMs": 40, "memoryMB": 512},
     "eventSourceMapping": {"BatchSize": 100}}
    """

    func run(_ text: String, profile: BehaviourProfile? = nil) throws -> RunResult {
        let scenario = try ScenarioLoader.parse(text, file: "incident.json", defaultName: "incident")
        return ScenarioRunner.run(scenario, profile: try profile ?? ProfileStore.load("aws-2024"), options: .init())
    }

    func testStartTimeGivesTheTimeSeriesAClock() throws {
        let result = try run(Self.incident)
        XCTAssertEqual(result.clock?.startEpochMilliseconds, ClockTime.parse("2026-11-02T12:30:00Z"))
        let lines = RunOutputs.timeSeriesCSV(result.rows, clock: result.clock).split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("time_s,clock,produced_total,"), String(lines[0]))
        XCTAssertTrue(lines[1].hasPrefix("0,2026-11-02T12:30:00Z,"), String(lines[1]))
        XCTAssertTrue(lines[2].hasPrefix("60,2026-11-02T12:31:00Z,"), String(lines[2]))
        XCTAssertFalse(RunOutputs.timeSeriesCSV(result.rows).contains("clock"), "no clock without a startTime")
        let bad = ScenarioJSON.load(Self.incident.replacingOccurrences(of: "2026-11-02T13:30:00+01:00", with: "2026-11-31T13:30:00Z"))
        XCTAssertEqual((try? bad.get()) == nil, true)
        if case .failure(let error) = bad {
            XCTAssertEqual(error.description, "test.json:1:35: startTime: \"2026-11-31T13:30:00Z\" is not an ISO 8601 time such as 2026-11-02T00:00:00Z")
        }
    }

    func testSummaryGivesCatchUpTimeAndLagPercentiles() throws {
        let result = try run(Self.incident)
        let summary = result.summary
        let caughtUp = try XCTUnwrap(summary.caughtUpTime, "the lag recovers while traffic goes on")
        XCTAssertGreaterThan(caughtUp, 900 * Ticks.perSecond, "not before the burst ends")
        XCTAssertLessThan(caughtUp, 2_400 * Ticks.perSecond, "before production stops: no drain needed")
        let peakRow = result.rows.first { $0.offsetLagSum == result.rows.map(\.offsetLagSum).max() }!
        let row = result.rows.first { $0.time == caughtUp }!
        XCTAssertLessThanOrEqual(Double(row.offsetLagSum), Double(peakRow.offsetLagSum) * LagStatistics.caughtUpFraction)
        XCTAssertTrue(result.rows.filter { $0.time > peakRow.time && $0.time < caughtUp }.allSatisfy { Double($0.offsetLagSum) > Double(peakRow.offsetLagSum) * 0.01 })
        XCTAssertLessThanOrEqual(summary.offsetLagP50, summary.offsetLagP95)
        XCTAssertLessThanOrEqual(summary.offsetLagP95, summary.offsetLagP99)
        XCTAssertLessThanOrEqual(summary.offsetLagP99, summary.peakOffsetLag)
        let record = SummaryRecord(summary, cost: CostBreakdown(epuHours: 0, epuCost: 0, billedRequests: 0, requestCost: 0, billedGBSeconds: 0, durationCost: 0))
        XCTAssertEqual(record["caught_up_time_s"], CSVFormat.seconds(caughtUp))
        XCTAssertEqual(record["offset_lag_p95"], String(summary.offsetLagP95))

        XCTAssertEqual(LagStatistics.caughtUpTime(times: [0, 1, 2, 3, 4], lags: [0, 100, 50, 1, 0]), 3)
        XCTAssertNil(LagStatistics.caughtUpTime(times: [0, 1, 2], lags: [0, 100, 50]))
        XCTAssertNil(LagStatistics.caughtUpTime(times: [0, 1], lags: [0, 0]))
        XCTAssertEqual(LagStatistics.percentile([5, 1, 4, 2, 3], 0.5), 3)
        XCTAssertEqual(LagStatistics.percentile(Array(1...100).map(Double.init), 0.95), 95)
        XCTAssertEqual(LagStatistics.percentile([], 0.99), 0)
    }

    /// The run's own lag as CloudWatch would stamp it: each minute's value at the minute's start.
    static func observedLag(of result: RunResult, scale: Double = 1) -> ObservedSeries {
        let start = result.clock!.startEpochMilliseconds
        let points = result.rows.dropFirst().map { row in
            MetricSeries.Point(time: start + (row.time - 60 * Ticks.perSecond) / Ticks.perMillisecond, value: (Double(row.offsetLagSum) * scale).rounded())
        }
        return ObservedSeries(metric: .offsetLagSum, series: MetricSeries(file: "lag", label: "OffsetLag", points: Array(points)))
    }

    func testComparisonOfAnObservedSeries() throws {
        let result = try run(Self.incident)
        let same = SeriesComparison(Self.observedLag(of: result), result: result)
        XCTAssertEqual(same.pairs.count, result.rows.count - 1)
        XCTAssertEqual(same.meanAbsoluteError, 0)
        XCTAssertEqual(same.errorAtPeak, 0)
        XCTAssertEqual(same.caughtUp?.observed, same.caughtUp?.simulated)
        XCTAssertNotNil(same.caughtUp?.observed)
        let larger = SeriesComparison(Self.observedLag(of: result, scale: 1.5), result: result)
        let meanLag = same.pairs.map(\.observed).reduce(0, +) / Double(same.pairs.count)
        XCTAssertEqual(larger.meanAbsoluteError, meanLag * 0.5, accuracy: 1)
        XCTAssertEqual(larger.errorAtPeak, -(larger.observedPeak!.observed / 3), accuracy: 1)
        XCTAssertTrue(larger.csv.hasPrefix("time_s,clock,observed_SumOffsetLag,simulated_SumOffsetLag\n0,2026-11-02T12:30:00Z,"), larger.csv)
        XCTAssertTrue(larger.report[1].hasPrefix("  mean absolute error  "), larger.report.joined(separator: "\n"))
    }

    func testCalibrationFitsASeriesAndNamesWhatItCannotDetermine() throws {
        // A couple of hundred replays of the incident: minutes unoptimized.
        try LongTest.requireOptimizedBuild()
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.incident, folder, "incident.json")
        var truth = try ProfileStore.load("aws-2024")
        truth.onDemand.actuationDelaySeconds = 150
        let observed = Self.observedLag(of: try run(Self.incident, profile: truth))
        let observation = Observation(scenarioPath: folder + "/incident.json", scenarioName: "incident.json", metric: .series(.offsetLagSum),
                                      observed: observed.peak, tolerance: 500, profile: nil, source: "test", series: observed)
        let base = try ProfileStore.load("aws-2024")
        let calibrator = try Calibrator(observations: [observation], profileName: "aws-2024")
        let before = calibrator.residuals(for: base)[0]
        let fit = try calibrator.fit(base)
        // The pattern search is local: it need not land on 150 s (poll overhead and the
        // rebalance pause trade against the delay), but it must move towards the data.
        XCTAssertLessThan(fit.residuals[0].normalized, before.normalized / 2)
        XCTAssertGreaterThan(fit.profile.onDemand.actuationDelaySeconds, base.onDemand.actuationDelaySeconds)
        let undetermined = fit.undetermined.map(\.name)
        XCTAssertTrue(undetermined.contains("provisioned.actuationDelaySeconds"), "an on-demand incident says nothing of provisioned mode: \(undetermined)")
        XCTAssertFalse(undetermined.contains("onDemand.actuationDelaySeconds"), "\(undetermined)")
        let named = FittedProfile.named(fit, name: "incident-fit", base: base, observationsFile: "obs.csv", observations: [observation])
        XCTAssertEqual(named.name, "incident-fit")
        let text = ProfileStore.render(named)
        XCTAssertTrue(text.contains("Fitted by esmsim calibrate to obs.csv, from aws-2024."), text)
        XCTAssertTrue(text.contains("Not determined by obs.csv"), text)
        XCTAssertEqual(try ProfileStore.parse(text, file: "incident-fit.json").onDemand.actuationDelaySeconds, fit.profile.onDemand.actuationDelaySeconds)
    }

    func testDurationByMemoryIsInterpolatedAndChecked() {
        let table = #"[{"memoryMB": 512, "durationMs": 400}, {"memoryMB": 1024, "durationMs": 200}, {"memoryMB": 256, "durationMs": 800}]"#
        func scenario(_ function: String) -> Result<Scenario, DiagnosticError> {
            ScenarioJSON.load(#"{"topic": {"partitions": 1, "backlogRecords": 10}, "function": \#(function)}"#)
        }
        let cases: [(String, Double)] = [("512", 400), ("768", 300), ("256", 800), ("1024", 200), ("384", 600)]
        for (memory, expected) in cases {
            let loaded = try? scenario(#"{"memoryMB": \#(memory), "durationByMemory": \#(table)}"#).get()
            XCTAssertEqual(loaded?.function.duration, .distribution(.constant(expected)), memory)
        }
        let bad: [(String, String)] = [
            (#"{"memoryMB": 2048, "durationByMemory": \#(table)}"#, "test.json:1:77: function.memoryMB: 2048 MB is outside durationByMemory's measured 256...1024 MB; durations are not extrapolated"),
            (#"{"durationByMemory": \#(table)}"#, "function.memoryMB: 128 MB is outside"),
            (#"{"memoryMB": 512, "durationMs": 5, "durationByMemory": \#(table)}"#, "function.durationMs: give durationMs or durationByMemory, not both"),
            (#"{"memoryMB": 512, "durationByMemory": []}"#, "function.durationByMemory: expected a non-empty array"),
            (#"{"memoryMB": 512, "durationByMemory": [{"memoryMB": 512, "durationMs": 1}, {"memoryMB": 512, "durationMs": 2}]}"#, "function.durationByMemory[1].memoryMB: 512 MB is measured twice"),
            (#"{"memoryMB": 512, "durationByMemory": [{"memoryMB": 512}]}"#, "function.durationByMemory[0].durationMs: missing"),
        ]
        for (function, expected) in bad {
            guard case .failure(let error) = scenario(function) else { XCTFail("accepted \(function)"); continue }
            XCTAssertTrue(error.description.contains(expected), "\(function): \(error.description)")
        }
    }

    func testPowerTuningOutputAndTablesAreRead() throws {
        let tuned = try PowerTuningReader.parse(SeriesParserFuzzTests.powerTuning, file: "pt.json")
        XCTAssertEqual(tuned.entries.map(\.memoryMB), [256, 512, 1024])
        XCTAssertEqual(tuned.entries.map(\.durationMs), [760.1, 390.2, 205])
        XCTAssertEqual(try PowerTuningReader.parse(#"{"stats": [{"value": 128, "averageDuration": 10}]}"#, file: "pt.json").entries.count, 1)
        XCTAssertEqual(try PowerTuningReader.parse(SeriesParserFuzzTests.table, file: "t.csv").durationMs(at: 768), 297.5)
        let bad: [(String, String)] = [
            (#"{"results": {"power": 512}}"#, "pt.json:1:13: results.stats: missing"),
            (#"{"results": {"stats": [{"value": 64, "averageDuration": 10}]}}"#, "results.stats[0].value: 64 is outside 128...10,240"),
            (#"{"results": {"stats": [{"value": 128, "averageDuration": 0}]}}"#, "averageDuration: 0 ms: a duration must be positive"),
            (#"{"results": {"stats": [{"value": 128, "averageDuration": "fast"}]}}"#, "averageDuration: expected a number, found a string"),
            (#"{"results": {"stats": [{"value": 128, "averageDuration": 5}, {"value": 128, "averageDuration": 6}]}}"#, "results.stats[1].value: 128 MB appears twice"),
            (#"{"results": {"stats": [{"value": 128, "averageDuration": 5}"#, "pt.json:1:"),
            ("memory,duration\n128,5\n", "pt.json:1:1: expected the header memoryMB,durationMs"),
            ("memoryMB,durationMs\n128,5\n256\n", "pt.json:3:1: expected 2 cells"),
            ("memoryMB,durationMs\n128,-5\n", "pt.json:2:5: durationMs: \"-5\" is not a duration"),
        ]
        for (text, expected) in bad {
            do {
                _ = try PowerTuningReader.parse(text, file: "pt.json")
                XCTFail("accepted \(text)")
            } catch {
                XCTAssertTrue(error.description.contains(expected), "\(text): \(error.description)")
            }
        }
    }

    func testPlanTradesMemoryAgainstDuration() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write("""
        {"name": "tuned", "topic": {"partitions": 4, "backlogRecords": 20000},
         "function": {"memoryMB": 256, "durationByMemory": [{"memoryMB": 256, "durationMs": 2000}, {"memoryMB": 2048, "durationMs": 100}]},
         "eventSourceMapping": {"BatchSize": 100}}
        """, folder, "tuned.json")
        try BuiltCommand.write(#"{"workload": "tuned.json", "target": {"maxDrainSeconds": 60}, "space": {"memoryMB": [256, 2048]}}"#, folder, "plan.json")
        let plan = try CapacityPlan.load(path: folder + "/plan.json")
        let outcome = try CapacityPlanner.search(plan, options: .init(), pricing: PlanTests.pricing)
        XCTAssertEqual(outcome.simulations, 2, "one simulation per memory size whose duration differs")
        let byMemory = Dictionary(uniqueKeysWithValues: outcome.candidates.map { ($0.settings[PlanReport.settingColumns.firstIndex(of: "memoryMB")!], $0) })
        XCTAssertFalse(byMemory["256"]!.meetsTarget)
        XCTAssertTrue(byMemory["2048"]!.meetsTarget, "more memory runs faster and drains in time")
        XCTAssertLessThan(byMemory["2048"]!.drainTime, byMemory["256"]!.drainTime)
        XCTAssertTrue(PlanReport(plan: plan, outcome: outcome).text.contains("each run with its duration from durationByMemory"))
    }
}
