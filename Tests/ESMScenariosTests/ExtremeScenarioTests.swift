import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// The four extremes of valid input (10^12 records, 10,000 partitions, 2,000 pollers, a
/// month of simulated time): each either runs in memory bounded by construction
/// (partitions, pollers and rows, never records) or is refused up front, with a reason.
final class ExtremeScenarioTests: XCTestCase {
    let profile = try! ProfileStore.load("aws-2024")

    /// Loads edits to the base scenario, or fails the test.
    func scenario(_ edits: [(String, Any?)], file: StaticString = #filePath, line: UInt = #line) throws -> Scenario {
        try ScenarioJSON.load(ScenarioJSON.text(edits)).get()
    }

    /// The size problems of a run with `options`, as one text ("" when it fits).
    func refusal(_ scenario: Scenario, _ options: ScenarioRunner.Options = .init()) -> String {
        do {
            try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: "big.json")
            return ""
        } catch {
            return error.description
        }
    }

    func testATrillionRecordsRunToTheHorizonWithoutOverflow() throws {
        let trillion = try scenario([
            ("topic.backlogRecords", 1_000_000_000_000), ("topic.partitions", 10), ("producer", nil),
            ("eventSourceMapping.BatchSize", 10_000), ("function.durationMs", 100),
        ])
        XCTAssertEqual(refusal(trillion), "", "a day of 10 partitions draining a trillion records fits")
        let options = ScenarioRunner.Options(horizon: 300 * Ticks.perSecond)
        let result = ScenarioRunner.run(trillion, profile: profile, options: options)
        XCTAssertNil(result.summary.drainTime)
        XCTAssertEqual(result.summary.endTime, 300 * Ticks.perSecond)
        XCTAssertEqual(result.summary.recordsProduced, 1_000_000_000_000)
        XCTAssertEqual(result.summary.finalOffsetLag, 1_000_000_000_000 - result.summary.recordsProcessed)
        XCTAssertGreaterThan(result.summary.recordsProcessed, 0)
        XCTAssertEqual(result.rows.count, 6)
        XCTAssertFalse(result.summary.drained)

        // Ten times more over 10,000 partitions would be billions of events: refused up front.
        let wide = try scenario([
            ("topic.backlogRecords", 10_000_000_000_000), ("topic.partitions", 10_000), ("producer", nil),
            ("eventSourceMapping.BatchSize", 10_000),
        ])
        let message = refusal(wide)
        XCTAssertTrue(message.hasPrefix("big.json: too large to simulate: about "), message)
        XCTAssertTrue(message.contains("invocations carrying 10 trillion records over 10,000 partitions within the 86,400 s horizon; raise eventSourceMapping.BatchSize"), message)
    }

    func testTenThousandPartitionsRun() throws {
        let wide = try scenario([
            ("topic.partitions", 10_000), ("topic.backlogRecords", 200_000), ("producer", nil),
            ("eventSourceMapping.ProvisionedPollerConfig", nil), ("function.reservedConcurrency", nil),
        ])
        XCTAssertEqual(refusal(wide), "")
        let result = ScenarioRunner.run(wide, profile: profile, options: .init(horizon: 180 * Ticks.perSecond))
        XCTAssertEqual(result.summary.recordsProduced, 200_000)
        XCTAssertLessThanOrEqual(result.summary.maxConcurrency, 1_000)
        XCTAssertEqual(result.summary.recordsProduced, result.summary.recordsProcessed + result.summary.finalOffsetLag)
    }

    func testTwoThousandPollersRun() throws {
        let polled = try scenario([
            ("topic.partitions", 2_000), ("topic.backlogRecords", 10_000_000), ("producer", nil),
            ("function.durationMs", 60_000), ("function.reservedConcurrency", nil), ("function.accountConcurrency", 20_000),
            ("eventSourceMapping.ProvisionedPollerConfig", ["MinimumPollers": 200, "MaximumPollers": 2_000]),
        ])
        XCTAssertEqual(refusal(polled), "")
        let result = ScenarioRunner.run(polled, profile: profile, options: .init(horizon: 600 * Ticks.perSecond))
        let pollers = result.rows.map(\.pollers)
        XCTAssertEqual(pollers.first, 200)
        XCTAssertEqual(pollers.max(), 400, "the lag asks for every partition busy: 2,000 partitions over 5 slots a poller")
        XCTAssertLessThanOrEqual(result.summary.maxConcurrency, 2_000)
    }

    func testAMonthRunsToItsHorizonAndLongerSamplingIsRefused() throws {
        let month = 31.0 * 86_400
        let stuck = try scenario([
            ("horizonSeconds", month), ("topic.partitions", 1), ("producer.durationSeconds", month),
            ("producer.recordsPerSecond", 0.01), ("function.durationMs", 840_000), ("function.errorProbability", 1),
            ("eventSourceMapping.ProvisionedPollerConfig", nil),
        ])
        XCTAssertEqual(refusal(stuck), "")
        let result = ScenarioRunner.run(stuck, profile: profile, options: .init())
        XCTAssertNil(result.summary.drainTime)
        XCTAssertEqual(result.summary.endTime, Ticks.seconds(month))
        XCTAssertEqual(result.rows.count, 31 * 24 * 60 + 1)
        XCTAssertEqual(result.summary.recordsProcessed, 0)
        XCTAssertGreaterThan(result.summary.finalOffsetLag, 2_000)

        let everySecond = refusal(stuck, .init(sampleInterval: Ticks.perSecond))
        XCTAssertTrue(everySecond.contains("big.json: horizonSeconds: 2,678,400 s at one row every 1 s makes about 2.7 million time-series rows, more than the 1 million esmsim holds"), everySecond)
        XCTAssertTrue(refusal(stuck, .init(sampleInterval: Ticks.perSecond / 10)).contains("a sampling interval of 0.1 s is below the 1 s minimum"))

        let busy = try scenario([
            ("horizonSeconds", month), ("topic.partitions", 1_000), ("producer.durationSeconds", month),
            ("producer.recordsPerSecond", 1_000_000), ("eventSourceMapping.ProvisionedPollerConfig", nil),
        ])
        XCTAssertTrue(refusal(busy).contains("too large to simulate"))
    }

    /// A refusal for throttled attempts names what throttles them: the concurrency limit
    /// (raise reserved concurrency) or Lambda's scaling rate (which reserving does not lift).
    func testAThrottleRefusalNamesItsCause() throws {
        let limits = RunLimits(maximumEvents: 10_000_000)
        func refusal(_ scenario: Scenario, profile: BehaviourProfile) -> String {
            do {
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: .init(limits: limits), file: "big.json")
                return ""
            } catch {
                return error.description
            }
        }
        let capped = try scenario([
            ("topic.partitions", 1_000), ("topic.backlogRecords", 10_000_000), ("producer", nil),
            ("function.durationMs", 60_000), ("function.reservedConcurrency", 1),
            ("eventSourceMapping.ProvisionedPollerConfig", ["MinimumPollers": 200, "MaximumPollers": 1_000]),
        ])
        let byLimit = refusal(capped, profile: profile)
        XCTAssertTrue(byLimit.contains("throttled invocation attempts against a concurrency limit of 1; raise function.reservedConcurrency"), byLimit)

        var slow = profile
        slow.scalingRateEnvironments = 1
        slow.scalingRateWindowSeconds = 3_600
        let wide = try scenario([
            ("topic.partitions", 2_000), ("topic.backlogRecords", 10_000_000), ("producer", nil),
            ("function.durationMs", 60_000), ("function.reservedConcurrency", nil), ("function.accountConcurrency", 20_000),
            ("eventSourceMapping.ProvisionedPollerConfig", ["MinimumPollers": 200, "MaximumPollers": 2_000]),
        ])
        let byRate = refusal(wide, profile: slow)
        XCTAssertTrue(byRate.contains("throttled invocation attempts while Lambda's scaling rate (1 new execution environment per 3,600 s, profile aws-2024) creates the function's execution environments; raise function.ProvisionedConcurrentExecutions"), byRate)
        XCTAssertFalse(byRate.contains("reservedConcurrency"), byRate)
        XCTAssertEqual(refusal(wide, profile: profile), "", "at 1,000 environments per 10 s the same run fits")
    }

    func testMoreRecordsThanCountedExactlyAreRefused() throws {
        let huge = try scenario([("topic.backlogRecords", 1e15), ("producer.recordsPerSecond", 1e9), ("producer.durationSeconds", 120 * 86_400), ("horizonSeconds", 120 * 86_400)])
        XCTAssertTrue(refusal(huge).contains("records before the horizon, more than the 2^53 (about 9 quadrillion) esmsim counts exactly"), refusal(huge))
    }

    func testTheShippedScenariosFitAndTheEstimateIsNotWildlyHigh() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ScenarioJSON.scenariosFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let scenario = try ScenarioLoader.load(path: ScenarioJSON.scenariosFolder.appendingPathComponent(file).path)
            XCTAssertEqual(refusal(scenario), "", file)
            let estimate = WorkEstimate(ScenarioRunner.configuration(for: scenario, profile: profile, options: .init()))
            XCTAssertLessThan(estimate.events, 50_000_000, file)
        }
    }
}

