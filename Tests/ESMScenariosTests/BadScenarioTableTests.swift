import XCTest
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// A table of bad scenario files, each with the message it must produce: every range of
/// the real service, unknown fields, wrong types, missing fields and malformed JSON.
final class BadScenarioTableTests: XCTestCase {
    /// One bad scenario: edits to the valid base (nil removes a field), and the text the
    /// error must contain (file, field path and reason).
    struct Case {
        let edits: [(String, Any?)]
        let expected: String
        let line: UInt

        init(_ edits: [(String, Any?)], _ expected: String, line: UInt = #line) {
            self.edits = edits
            self.expected = expected
            self.line = line
        }
    }

    static let esm = "eventSourceMapping"
    static let pollers = "eventSourceMapping.ProvisionedPollerConfig"

    static var cases: [Case] { [
        // BatchSize 1...10,000
        Case([("\(esm).BatchSize", 0)], "test.json:3:19: eventSourceMapping.BatchSize: 0 is outside 1...10,000"),
        Case([("\(esm).BatchSize", 10_001)], "eventSourceMapping.BatchSize: 10,001 is outside 1...10,000"),
        Case([("\(esm).BatchSize", 2.5)], "eventSourceMapping.BatchSize: 2.5 is not a whole number"),
        Case([("\(esm).BatchSize", "100")], "eventSourceMapping.BatchSize: expected a number, found a string"),
        Case([("\(esm).BatchSize", true)], "eventSourceMapping.BatchSize: expected a number, found a boolean"),
        // MaximumBatchingWindowInSeconds 0...300
        Case([("\(esm).MaximumBatchingWindowInSeconds", -1)], "eventSourceMapping.MaximumBatchingWindowInSeconds: -1 is outside 0...300"),
        Case([("\(esm).MaximumBatchingWindowInSeconds", 301)], "eventSourceMapping.MaximumBatchingWindowInSeconds: 301 is outside 0...300"),
        Case([("\(esm).MaximumBatchingWindowInSeconds", 0.5)], "eventSourceMapping.MaximumBatchingWindowInSeconds: 0.5 is not a whole number"),
        // MinimumPollers 1...200, MaximumPollers 1...2,000 and >= MinimumPollers
        Case([("\(pollers).MinimumPollers", 0)], "eventSourceMapping.ProvisionedPollerConfig.MinimumPollers: 0 is outside 1...200"),
        Case([("\(pollers).MinimumPollers", 500)], "eventSourceMapping.ProvisionedPollerConfig.MinimumPollers: 500 is outside 1...200"),
        Case([("\(pollers).MaximumPollers", 0)], "eventSourceMapping.ProvisionedPollerConfig.MaximumPollers: 0 is outside 1...2,000"),
        Case([("\(pollers).MaximumPollers", 2_001)], "eventSourceMapping.ProvisionedPollerConfig.MaximumPollers: 2,001 is outside 1...2,000"),
        Case([("\(pollers).MinimumPollers", 10), ("\(pollers).MaximumPollers", 5)],
             "eventSourceMapping.ProvisionedPollerConfig.MaximumPollers: 5 is less than MinimumPollers (10)"),
        Case([("\(pollers)", [String: Any]())], "eventSourceMapping.ProvisionedPollerConfig: give MinimumPollers, MaximumPollers or both"),
        Case([("\(pollers).PollerGroupName", "bad name!")], "eventSourceMapping.ProvisionedPollerConfig.PollerGroupName: must be at most 128 characters"),
        // partitions >= 1; rates, sizes and counts not negative
        Case([("topic.partitions", 0)], "topic.partitions: 0 is outside 1...1,000,000"),
        Case([("topic.partitions", -3)], "topic.partitions: -3 is outside 1...1,000,000"),
        Case([("topic.partitions", 1.5)], "topic.partitions: 1.5 is not a whole number"),
        Case([("topic.backlogRecords", -1)], "topic.backlogRecords: -1 is outside 0..."),
        Case([("topic.recordSizeBytes", 0)], "topic.recordSizeBytes: 0 is outside 1...6,291,456"),
        Case([("topic.recordSizeBytes", ["distribution": "uniform", "low": 10, "high": 5])], "topic.recordSizeBytes.high: 5 is less than low (10)"),
        Case([("producer.recordsPerSecond", -5)], "producer.recordsPerSecond: -5 is outside 0...1,000,000,000"),
        Case([("producer.durationSeconds", -1)], "producer.durationSeconds: -1 is outside 0..."),
        Case([("function.reservedConcurrency", -1)], "function.reservedConcurrency: -1 is outside 0...1,000,000"),
        Case([("function.reservedConcurrency", 2_000)], "function.reservedConcurrency: 2000 is more than accountConcurrency (1000)"),
        Case([("function.accountConcurrency", 0)], "function.accountConcurrency: 0 is outside 1...1,000,000"),
        // Cold starts: initDurationMs 0...840,000 ms; ProvisionedConcurrentExecutions >= 1 and within the concurrency
        Case([("function.initDurationMs", -5)], "function.initDurationMs: -5 is outside 0...840,000"),
        Case([("function.initDurationMs", "fast")], "function.initDurationMs: expected a number or a distribution object, found a string"),
        Case([("function.initDurationMs", ["distribution": "uniform", "low": 500, "high": 100])], "function.initDurationMs.high: 100 is less than low (500)"),
        Case([("function.ProvisionedConcurrentExecutions", 0)], "function.ProvisionedConcurrentExecutions: 0 is outside 1...1,000,000"),
        Case([("function.ProvisionedConcurrentExecutions", 2.5)], "function.ProvisionedConcurrentExecutions: 2.5 is not a whole number"),
        Case([("function.reservedConcurrency", nil), ("function.ProvisionedConcurrentExecutions", 901)],
             "function.ProvisionedConcurrentExecutions: 901 is more than accountConcurrency (1000) less the 100 executions AWS keeps unreserved"),
        Case([("function.reservedConcurrency", 50), ("function.ProvisionedConcurrentExecutions", 60)],
             "function.ProvisionedConcurrentExecutions: 60 is more than reservedConcurrency (50); provisioned concurrency is part of the reserved concurrency"),
        Case([("\(esm).MaximumRetryAttempts", -2)], "eventSourceMapping.MaximumRetryAttempts: -2 is outside -1...10,000"),
        Case([("\(esm).MaximumRetryAttempts", 10_001)], "eventSourceMapping.MaximumRetryAttempts: 10,001 is outside -1...10,000"),
        // MaximumRecordAgeInSeconds -1 or 60...604,800; BisectBatchOnFunctionError a boolean
        Case([("\(esm).MaximumRecordAgeInSeconds", 30)], "eventSourceMapping.MaximumRecordAgeInSeconds: 30 must be -1 (no limit) or 60...604,800"),
        Case([("\(esm).MaximumRecordAgeInSeconds", 604_801)], "eventSourceMapping.MaximumRecordAgeInSeconds: 604,801 is outside -1...604,800"),
        Case([("\(esm).BisectBatchOnFunctionError", "yes")], "eventSourceMapping.BisectBatchOnFunctionError: expected true or false, found a string"),
        // FunctionResponseTypes: [] or ["ReportBatchItemFailures"]
        Case([("\(esm).FunctionResponseTypes", "ReportBatchItemFailures")],
             "eventSourceMapping.FunctionResponseTypes: expected an array, [] or [\"ReportBatchItemFailures\"], found a string"),
        Case([("\(esm).FunctionResponseTypes", ["ReportItemFailures"])],
             "eventSourceMapping.FunctionResponseTypes[0]: must be \"ReportBatchItemFailures\", the only function response type"),
        Case([("\(esm).FunctionResponseTypes", [7])],
             "eventSourceMapping.FunctionResponseTypes[0]: must be \"ReportBatchItemFailures\""),
        Case([("\(esm).FunctionResponseTypes", ["ReportBatchItemFailures", "ReportBatchItemFailures"])],
             "eventSourceMapping.FunctionResponseTypes: has 2 items; AWS accepts at most one"),
        Case([("\(pollers)", nil), ("\(esm).FunctionResponseTypes", ["ReportBatchItemFailures"])],
             "eventSourceMapping.FunctionResponseTypes: Kafka ESMs accept this only in provisioned mode"),
        // function.recordFailureShare and the destination's deliveryFailureShare are shares
        Case([("function.recordFailureShare", 1.5)], "function.recordFailureShare: 1.5 is outside 0...1"),
        Case([("function.recordFailureShare", "some")], "function.recordFailureShare: expected a number, found a string"),
        Case([("\(esm).DestinationConfig", ["OnFailure": ["Destination": "arn:aws:sqs:us-east-1:1:q", "deliveryFailureShare": -0.5]])],
             "eventSourceMapping.DestinationConfig.OnFailure.deliveryFailureShare: -0.5 is outside 0...1"),
        Case([("\(esm).DestinationConfig", ["OnFailure": ["Destination": "arn:aws:sqs:us-east-1:1:q", "deliveryFailureShare": true]])],
             "eventSourceMapping.DestinationConfig.OnFailure.deliveryFailureShare: expected a number, found a boolean"),
        // The retry controls and a Kafka-topic destination are provisioned mode only
        Case([("\(pollers)", nil), ("\(esm).MaximumRetryAttempts", 3)],
             "test.json:5:30: eventSourceMapping.MaximumRetryAttempts: Kafka ESMs accept this only in provisioned mode"),
        Case([("\(pollers)", nil), ("\(esm).MaximumRecordAgeInSeconds", 600)],
             "eventSourceMapping.MaximumRecordAgeInSeconds: Kafka ESMs accept this only in provisioned mode"),
        Case([("\(pollers)", nil), ("\(esm).BisectBatchOnFunctionError", true)],
             "eventSourceMapping.BisectBatchOnFunctionError: Kafka ESMs accept this only in provisioned mode"),
        Case([("\(pollers)", nil), ("\(esm).DestinationConfig", ["OnFailure": ["Destination": "kafka://failed"]])],
             "eventSourceMapping.DestinationConfig.OnFailure.Destination: a Kafka topic destination (kafka://) needs provisioned mode"),
        Case([("seed", -1)], "seed: -1 is outside 0..."),
        Case([("horizonSeconds", 0)], "horizonSeconds: 0 is outside 1...31,622,400"),
        // durations positive and at most the 14-minute timeout
        Case([("function.durationMs", 0)], "function.durationMs: 0 is outside 0.001...840,000"),
        Case([("function.durationMs", -10)], "function.durationMs: -10 is outside 0.001...840,000"),
        Case([("function.durationMs", 900_000)], "function.durationMs: 900,000 is outside 0.001...840,000"),
        Case([("function.durationMs", ["baseMs": 900_000, "perRecordMs": 1])], "function.durationMs.baseMs: 900,000 is outside 0...840,000"),
        Case([("function.durationMs", ["baseMs": 0, "perRecordMs": 0])], "function.durationMs: a duration must be positive"),
        Case([("function.durationMs", ["distribution": "lognormal", "mu": 3, "sigma": 20])], "function.durationMs.sigma: 20 is outside 0...10"),
        Case([("function.durationMs", ["distribution": "gamma", "shape": 2])], "function.durationMs.distribution: \"gamma\" is not a known value"),
        Case([("function.durationMs", ["distribution": "normal", "mean": 50])], "function.durationMs.standardDeviation: missing"),
        // memory 128...10,240; probabilities in [0, 1]
        Case([("function.memoryMB", 64)], "function.memoryMB: 64 is outside 128...10,240"),
        Case([("function.memoryMB", 10_241)], "function.memoryMB: 10,241 is outside 128...10,240"),
        Case([("function.errorProbability", 1.5)], "function.errorProbability: 1.5 is outside 0...1"),
        Case([("function.errorProbability", -0.1)], "function.errorProbability: -0.1 is outside 0...1"),
        Case([("topic.hotPartitionShare", 2)], "topic.hotPartitionShare: 2 is outside 0...1"),
        // a StartingPosition AWS knows, and other named choices
        Case([("\(esm).StartingPosition", "EARLIEST")], "eventSourceMapping.StartingPosition: \"EARLIEST\" is not a known value; expected one of TRIM_HORIZON, LATEST, AT_TIMESTAMP"),
        Case([("\(esm).StartingPosition", "LATES")], "eventSourceMapping.StartingPosition: \"LATES\" is not a known value; did you mean \"LATEST\"?"),
        Case([("\(esm).StartingPosition", "AT_TIMESTAMP")], "eventSourceMapping.StartingPositionTimestamp: missing; AT_TIMESTAMP needs the time to start reading from"),
        Case([("producer.arrivals", "bursty")], "producer.arrivals: \"bursty\" is not a known value"),
        Case([("function.architecture", "arm")], "function.architecture: \"arm\" is not a known value; did you mean \"arm64\"?"),
        Case([("\(esm).DestinationConfig", ["OnFailure": ["Destination": "my-queue"]])], "eventSourceMapping.DestinationConfig.OnFailure.Destination: \"my-queue\" is not an ARN"),
        // unknown fields, with "did you mean" for near misses
        Case([("\(esm).BatchSzie", 10)], "eventSourceMapping.BatchSzie: unknown field; did you mean \"BatchSize\"?"),
        Case([("function.memory", 512)], "function.memory: unknown field; did you mean \"memoryMB\"?"),
        Case([("\(pollers).MinimumPoller", 2)], "eventSourceMapping.ProvisionedPollerConfig.MinimumPoller: unknown field; did you mean \"MinimumPollers\"?"),
        Case([("topics", ["partitions": 1])], "topics: unknown field; did you mean \"topic\"?"),
        Case([("topic.colour", "blue")], "topic.colour: unknown field; expected one of partitions, recordSizeBytes, backlogRecords, hotPartitionShare"),
        // wrong types
        Case([("topic", [1, 2])], "topic: expected an object, found an array"),
        Case([("name", 5)], "name: expected a string, found a number"),
        Case([("producer.schedule", "fast")], "producer.schedule: give either recordsPerSecond with durationSeconds, or a schedule, not both"),
        Case([("function.durationMs", NSNull())], "function.durationMs: expected a number or a distribution object, found null"),
        // missing required fields
        Case([("topic", nil)], "test.json:1:1: topic: missing; a scenario needs a topic with its partitions"),
        Case([("topic.partitions", nil)], "topic.partitions: missing; give the number of partitions (at least 1)"),
        Case([("function", nil)], "function: missing; a scenario needs a function with its durationMs"),
        Case([("function.durationMs", nil)], "function.durationMs: missing; give the function's duration in milliseconds"),
        Case([("producer.durationSeconds", nil)], "producer.durationSeconds: missing; a constant rate needs a duration"),
        Case([("producer", nil), ("topic.backlogRecords", 0)], "test.json:1:1: the scenario has no records"),
    ] }

    func testEveryBadScenarioGetsItsMessage() {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 40)
        for item in Self.cases {
            switch ScenarioJSON.load(ScenarioJSON.text(item.edits)) {
            case .success:
                XCTFail("accepted a bad scenario; expected \(item.expected)", line: item.line)
            case .failure(let error):
                XCTAssertTrue(error.description.contains(item.expected), "got:\n\(error.description)\nexpected: \(item.expected)", line: item.line)
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "test.json" && !$0.message.isEmpty }, line: item.line)
            }
        }
    }

    func testTheBaseScenarioIsValid() throws {
        _ = try ScenarioJSON.load(ScenarioJSON.text()).get()
    }

    func testMalformedJSONReportsLineAndColumn() {
        let cases: [(text: String, expected: String)] = [
            ("{\n  \"topic\": {\n    \"partitions\": 4,\n  }\n}", "test.json:4:3: malformed JSON: expected a quoted key"),
            ("{ \"topic\": ", "test.json:1:12: malformed JSON: unexpected end of file, expected a value"),
            ("", "test.json:1:1: malformed JSON: unexpected end of file"),
            ("{\"a\": 1,\n \"a\": 2}", "test.json:2:2: malformed JSON: duplicate key \"a\""),
            ("{\"seed\": 'one'}", "test.json:1:10: malformed JSON: unexpected character '''"),
            ("{\"seed\": 1} extra", "test.json:1:13: malformed JSON: unexpected text after the JSON document"),
            (String(repeating: "[", count: 300), "malformed JSON: nesting deeper than 256 levels"),
        ]
        for (text, expected) in cases {
            switch ScenarioJSON.load(text) {
            case .success: XCTFail("accepted malformed JSON \(text)")
            case .failure(let error):
                XCTAssertEqual(error.problems.count, 1)
                XCTAssertTrue(error.description.contains(expected), "got \(error.description), expected \(expected)")
            }
        }
    }

    func testEveryProblemInAFileIsReportedAtOnce() {
        let text = ScenarioJSON.text([
            ("\(Self.esm).BatchSize", 0), ("function.memoryMB", 1), ("\(Self.pollers).MinimumPollers", 500),
            ("topic.partitionz", 3), ("function.errorProbability", "often"),
        ])
        guard case .failure(let error) = ScenarioJSON.load(text) else { return XCTFail("accepted") }
        let paths = error.problems.map(\.path)
        XCTAssertEqual(Set(paths), [
            "eventSourceMapping.BatchSize", "function.memoryMB", "eventSourceMapping.ProvisionedPollerConfig.MinimumPollers",
            "topic.partitionz", "function.errorProbability",
        ])
        XCTAssertTrue(error.problems.allSatisfy { $0.line > 0 && $0.column > 0 })
        XCTAssertEqual(error.description.split(separator: "\n").count, error.problems.count)
    }

    func testUnreadableFileIsAProblemNotACrash() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/scenario.json")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/scenario.json: cannot read the file"))
        }
    }
}

/// The problem behind a message is a case with values, so programs can test what is wrong
/// without parsing words.
final class DiagnosticProblemTests: XCTestCase {
    func problem(_ edits: [(String, Any?)]) -> Diagnostic.Problem? {
        guard case .failure(let error) = ScenarioJSON.load(ScenarioJSON.text(edits)) else { return nil }
        return error.problems.first?.problem
    }

    func testScenarioProblemsCarryTheirValues() {
        let esm = BadScenarioTableTests.esm
        XCTAssertEqual(problem([("\(esm).BatchSize", 10_001)]), .outOfRange(10_001, 1...10_000))
        XCTAssertEqual(problem([("\(esm).BatchSize", 2.5)]), .notWhole(2.5))
        XCTAssertEqual(problem([("\(esm).BatchSize", "100")]), .wrongType(expected: "a number", found: "a string"))
        guard case .unknownField(let suggestion, let allowed)? = problem([("\(esm).BatchSzie", 10)]) else {
            return XCTFail("a misspelt key is an unknown field")
        }
        XCTAssertEqual(suggestion, "BatchSize")
        XCTAssertTrue(allowed.contains("MaximumBatchingWindowInSeconds"))
        guard case .unknownValue("LATER", let near, _)? = problem([("\(esm).StartingPosition", "LATER")]) else {
            return XCTFail("an unknown StartingPosition is an unknown value")
        }
        XCTAssertEqual(near, "LATEST")
    }

    func testMalformedAndUnreadableFilesAreCases() throws {
        guard case .failure(let error) = ScenarioJSON.load("{ \"topic\": ") else { return XCTFail("accepted malformed JSON") }
        XCTAssertEqual(error.problems.first?.problem, .malformedJSON("unexpected end of file, expected a value"))
        do {
            _ = try TextFile.read(path: "/nonexistent/esmsim-scenario.json", kind: "scenario")
            XCTFail("read a missing file")
        } catch {
            guard case .unreadable(kind: "scenario", _)? = error.problems.first?.problem else {
                return XCTFail("a missing file is unreadable: \(error)")
            }
        }
    }

    func testContextFollowsTheMessage() {
        var diagnostic = Diagnostic(file: "sweep.json", problem: .outOfRange(0, 1...10))
        diagnostic.context = "point 3: BatchSize=0"
        XCTAssertEqual(diagnostic.description, "sweep.json: 0 is outside 1...10 (point 3: BatchSize=0)")
    }
}
