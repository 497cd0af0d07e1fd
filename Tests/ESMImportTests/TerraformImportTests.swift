import XCTest
import ESMScenarios
@testable import ESMImport

/// `terraform show -json`: mappings in the root and child modules with their functions,
/// and bad state files.
final class TerraformImportTests: XCTestCase {
    func testMappingInAChildModuleWithItsFunction() throws {
        let state = try ImportFixtures.example("terraform-show.json")
        let scenario = try ImportFixtures.run([("state.json", state)]).get()[0]
        XCTAssertEqual(scenario.name, "streaming-shipments")
        XCTAssertEqual(scenario.mapping.identifier, "module.streaming.aws_lambda_event_source_mapping.shipments")
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON,
                       #"{"BatchSize":1000,"BisectBatchOnFunctionError":false,"MaximumBatchingWindowInSeconds":5,"MaximumRetryAttempts":0,"ProvisionedPollerConfig":{"MaximumPollers":100,"MinimumPollers":10},"StartingPosition":"TRIM_HORIZON"}"#)
        XCTAssertEqual(json["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":2048,"architecture":"x86_64"}"#)
        XCTAssertEqual(ImportFixtures.outcome([("state.json", state)], selection: .init(logicalID: "streaming-shipments")), "ok: streaming-shipments")
    }

    func testBadStatesArePositioned() {
        func state(_ values: String) -> String {
            #"{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "aws_lambda_event_source_mapping.m", "mode": "managed", "type": "aws_lambda_event_source_mapping", "name": "m", "values": "#
                + values + "}]}}}"
        }
        let cases: [(String, String)] = [
            (state(#"{"batch_size": "x", "topics": ["t"]}"#), "s.json:1:217: values.root_module.resources[0].values.batch_size: expected a number, found a string"),
            (state(#"{"provisioned_poller_config": [{"minimum_pollers": 500}]}"#),
             "s.json:1:253: values.root_module.resources[0].values.provisioned_poller_config.minimum_pollers: 500 is outside 1...200"),
            (state(#"{"starting_position": "EARLIEST"}"#), "s.json:1:224: values.root_module.resources[0].values.starting_position: \"EARLIEST\" is not one of TRIM_HORIZON, LATEST, AT_TIMESTAMP"),
            (state("[]"), "s.json:1:202: values.root_module.resources[0].values: expected an object"),
            (#"{"format_version": "1.0"}"#, "s.json:1:1: values: missing; terraform show -json prints the state's resources under values (a plan's under planned_values)"),
            (#"{"format_version": "1.0", "values": {}}"#, "s.json:1:37: values.root_module: missing; the resources sit under root_module"),
            (#"{"format_version": "1.0", "values": {"root_module": {"resources": [{"type": "aws_lambda_function"}]}}}"#,
             "s.json:1:68: values.root_module.resources[0]: a resource needs its type and address"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ImportFixtures.outcome([("s.json", text)]), expected, text)
        }
    }
}
