import ESMFormats
import XCTest
import ESMScenarios
@testable import ESMImport

/// `aws lambda get-event-source-mapping`, `list-event-source-mappings` and the function
/// commands' JSON: good inputs read field by field, bad ones refused with positions.
final class AWSCLIImportTests: XCTestCase {
    func testProvisionedOnlyRetryControlsOfAnOnDemandMappingAreListedAsIgnored() throws {
        let mapping = #"{"UUID": "u-1", "BatchSize": 100, "MaximumRetryAttempts": 3, "MaximumRecordAgeInSeconds": 3600, "BisectBatchOnFunctionError": true, "FunctionResponseTypes": ["ReportBatchItemFailures"], "EventSourceArn": "arn:aws:kafka:us-east-1:111122223333:cluster/c/abc", "FunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:f"}"#
        let scenario = try ImportFixtures.run([("esm.json", mapping)]).get()[0]
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON, #"{"BatchSize":100}"#)
        for field in ["MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "FunctionResponseTypes"] {
            XCTAssertTrue(scenario.mapping.ignored.contains { $0.field == field && $0.reason.contains("provisioned mode only") }, field)
        }
    }

    func testEveryFieldOfARealisticMappingIsReadOrListed() throws {
        let mapping = try ImportFixtures.example("get-event-source-mapping.json")
        let function = try ImportFixtures.example("get-function-configuration.json")
        let scenarios = try ImportFixtures.run([("esm.json", mapping), ("fn.json", function)], options: {
            var options = ImportOptions()
            options.partitions = 40
            return options
        }()).get()
        XCTAssertEqual(scenarios.count, 1)
        let scenario = scenarios[0]
        XCTAssertEqual(scenario.name, "orders-consumer-orders")
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON,
                       #"{"StartingPosition":"TRIM_HORIZON","BatchSize":500,"MaximumBatchingWindowInSeconds":1,"DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:111122223333:orders-consumer-failures"}},"MaximumRecordAgeInSeconds":-1,"BisectBatchOnFunctionError":false,"MaximumRetryAttempts":10,"FunctionResponseTypes":["ReportBatchItemFailures"],"ProvisionedPollerConfig":{"MinimumPollers":2,"MaximumPollers":40}}"#)
        XCTAssertEqual(json["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":1024,"architecture":"arm64"}"#)
        XCTAssertEqual(json["topic"]?["partitions"]?.compactJSON, "40")
        // Every non-null field of the input is either read or listed as ignored, by name.
        let input = try JSONParser.parse(mapping)
        let used = ["StartingPosition", "BatchSize", "MaximumBatchingWindowInSeconds", "DestinationConfig", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts", "FunctionResponseTypes", "ProvisionedPollerConfig"]
        let ignored = scenario.mapping.ignored.map(\.field)
        for member in input.members ?? [] where member.value.kind != .null && !used.contains(member.key) {
            XCTAssertTrue(ignored.contains(member.key), member.key)
        }
        XCTAssertFalse(scenario.mapping.ignored.contains { $0.reason == "not a field esmsim knows" })
        XCTAssertTrue(scenario.report.contains { $0.hasPrefix("  assumed: topic.recordSizeBytes 1,024") }, scenario.report.joined(separator: "\n"))
        XCTAssertFalse(scenario.report.contains { $0.contains("topic.partitions") })
    }

    func testNullMeansAbsentAndDefaultsApply() throws {
        let text = #"{"UUID": "u-1", "EventSourceArn": "arn:aws:kafka:us-east-1:1:cluster/c/x", "ProvisionedPollerConfig": null, "BatchSize": null, "DestinationConfig": null, "Topics": ["t"]}"#
        let scenario = try ImportFixtures.run([("esm.json", text)]).get()[0]
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON, "{}")
        XCTAssertEqual(scenario.name, "t")
    }

    func testListGivesOneScenarioPerKafkaMappingOrTheOneChosen() throws {
        let list = try ImportFixtures.example("list-event-source-mappings.json")
        XCTAssertEqual(ImportFixtures.outcome([("list.json", list)]), "ok: audit-writer-orders, metrics-rollup-metrics")
        XCTAssertEqual(ImportFixtures.outcome([("list.json", list)], selection: .init(uuid: "c3d4e5f6-3333-4c4d-8e5f-2a3b4c5d6e7f")), "ok: metrics-rollup-metrics")
        XCTAssertEqual(ImportFixtures.outcome([("list.json", list)], selection: .init(uuid: "nope")),
                       "list.json: --uuid nope names no Kafka mapping in the input; it holds a1b2c3d4-1111-4a2b-8c3d-0e1f2a3b4c5d, c3d4e5f6-3333-4c4d-8e5f-2a3b4c5d6e7f")
        let disabled = try ImportFixtures.run([("list.json", list)]).get()[1]
        XCTAssertTrue(disabled.report.contains("  note: State is Disabled: simulated as if Enabled"))
    }

    func testFunctionFilesMatchByName() throws {
        let mapping = #"{"EventSourceArn": "arn:aws:kafka:r:1:cluster/c/x", "FunctionArn": "arn:aws:lambda:r:1:function:fast:live", "Topics": ["t"]}"#
        let getFunction = #"{"Configuration": {"FunctionName": "fast", "MemorySize": 3008, "Timeout": 10, "Architectures": ["x86_64"]}, "Concurrency": {"ReservedConcurrentExecutions": 950}}"#
        let other = #"{"FunctionName": "slow", "MemorySize": 256}"#
        let scenario = try ImportFixtures.run([("esm.json", mapping), ("other.json", other), ("fast.json", getFunction)]).get()[0]
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":3008,"architecture":"x86_64","reservedConcurrency":950,"accountConcurrency":1050}"#)
        var options = ImportOptions()
        options.durationMs = 12_000
        XCTAssertEqual(ImportFixtures.outcome([("esm.json", mapping), ("fast.json", getFunction)], options: options),
                       "esm.json: function.durationMs: 12,000 ms is longer than the function's Timeout of 10 s (aws lambda get-function in fast.json): every invocation would time out")
    }

    func testBadInputsArePositioned() {
        let kafka = #""EventSourceArn": "arn:aws:kafka:r:1:cluster/c/x""#
        let cases: [(String, String)] = [
            ("{\(kafka),\n \"BatchSize\": 20000}", "x.json:2:15: BatchSize: 20,000 is outside 1...10,000"),
            ("{\(kafka), \"BatchSize\": \"100\"}", "x.json:1:66: BatchSize: expected a number, found a string"),
            ("{\(kafka), \"BatchSize\": 10.5}", "x.json:1:66: BatchSize: 10.5 is not a whole number"),
            ("{\(kafka), \"BatchSize\": 100,", "x.json:1:70: malformed JSON: expected a quoted key"),
            ("{\(kafka), \"BatchSise\": 100}", "x.json:1:66: BatchSise: unknown field; did you mean \"BatchSize\"?"),
            ("{\(kafka), \"StartingPosition\": \"OLDEST\"}", "x.json:1:73: StartingPosition: \"OLDEST\" is not one of TRIM_HORIZON, LATEST, AT_TIMESTAMP"),
            ("{\(kafka), \"ProvisionedPollerConfig\": {\"MinimumPollers\": 5, \"MaximumPollers\": 2}}",
             "x.json:1:120: ProvisionedPollerConfig.MaximumPollers: 2 is less than MinimumPollers (5)"),
            ("{\(kafka), \"ProvisionedPollerConfig\": {\"MinimumPollers\": 201}}",
             "x.json:1:99: ProvisionedPollerConfig.MinimumPollers: 201 is outside 1...200"),
            ("{\(kafka), \"ProvisionedPollerConfig\": {\"MinPollers\": 2}}",
             "x.json:1:95: ProvisionedPollerConfig.MinPollers: unknown field; expected MinimumPollers, MaximumPollers, PollerGroupName"),
            ("{\(kafka), \"MaximumRecordAgeInSeconds\": 700000}", "x.json:1:82: MaximumRecordAgeInSeconds: 700,000 is outside -1...604,800"),
            ("{\(kafka), \"Topics\": [1]}", "x.json:1:64: Topics[0]: expected a string, found a number"),
            ("{\(kafka), \"FunctionResponseTypes\": [\"ReportItemFailures\"]}",
             "x.json:1:79: FunctionResponseTypes[0]: must be \"ReportBatchItemFailures\", the only function response type"),
            ("{\(kafka), \"DestinationConfig\": {\"OnFailure\": {\"Destination\": \"my-queue\"}}}",
             "x.json:1:104: DestinationConfig.OnFailure.Destination: \"my-queue\" is not an ARN (arn:...) or a Kafka topic (kafka://TOPIC)"),
            ("{\(kafka), \"DestinationConfig\": {\"OnFailure\": {}}}", "x.json:1:88: DestinationConfig.OnFailure.Destination: missing; give the destination's ARN"),
            ("{\(kafka), \"State\": 3}", "x.json:1:62: State: expected a string, found a number"),
            ("{\"EventSourceArn\": \"arn:aws:sqs:r:1:q\"}", "x.json:1:1: the mapping: its event source arn:aws:sqs:r:1:q is not Kafka (service sqs); esmsim models Kafka event source mappings only"),
            ("{\"EventSourceMappings\": {}}", "x.json:1:25: EventSourceMappings: expected an array, found an object"),
            ("{\"EventSourceMappings\": [3]}", "x.json:1:26: EventSourceMappings[0]: expected an object, found a number"),
            ("{\"EventSourceMappings\": [], \"Next\": 1}", "x.json:1:37: Next: unknown field; list-event-source-mappings prints EventSourceMappings and NextMarker"),
            ("{\"EventSourceMappings\": []}", "x.json: no Kafka event source mapping in the input; give the JSON of aws lambda get-event-source-mapping, list-event-source-mappings, get-function-configuration or get-provisioned-concurrency-config / list-provisioned-concurrency-configs, a CloudFormation or SAM template (JSON or YAML), or terraform show -json"),
            ("{\"hello\": 1}", "x.json:1:1: not a format esmsim import reads; expected the JSON of aws lambda get-event-source-mapping, list-event-source-mappings, get-function-configuration or get-provisioned-concurrency-config / list-provisioned-concurrency-configs, a CloudFormation or SAM template (JSON or YAML), or terraform show -json"),
            ("", "x.json:1:1: malformed JSON: unexpected end of file, expected a value"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ImportFixtures.outcome([("x.json", text)]), expected, text)
        }
        let function = #"{"FunctionName": "f", "MemorySize": 64, "Architectures": ["x86_64", "arm64"], "Timeout": "3"}"#
        XCTAssertEqual(ImportFixtures.outcome([("x.json", "{\(kafka)}"), ("f.json", function)]), """
            f.json:1:37: MemorySize: 64 is outside 128...10,240
            f.json:1:58: Architectures: expected one architecture (x86_64 or arm64), found 2
            f.json:1:90: Timeout: expected a number, found a string
            """)
    }
}
