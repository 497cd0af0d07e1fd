import XCTest
@testable import ESMScenarios
@testable import ESMFormats
import ESMModel

/// Scenario fields for filters, AT_TIMESTAMP and key skew: their AWS names, ranges and
/// modes, and what they load as.
final class MappingSettingsScenarioTests: XCTestCase {
    static let esm = "eventSourceMapping"
    static let pattern = #"{"value": {"type": ["order"]}}"#

    static var badCases: [BadScenarioTableTests.Case] { [
        // FilterCriteria
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": pattern]]])], "eventSourceMapping.FilterCriteria.Filters[0].matchShare: missing; give the share of records this filter matches"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": pattern, "matchShare": 1.5]]])], "eventSourceMapping.FilterCriteria.Filters[0].matchShare: 1.5 is outside 0...1"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": "{\"value\": ", "matchShare": 0.5]]])], "eventSourceMapping.FilterCriteria.Filters[0].Pattern: is not valid JSON"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": "[1]", "matchShare": 0.5]]])], "eventSourceMapping.FilterCriteria.Filters[0].Pattern: must be a JSON object"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": #"{"body": {"a": [1]}}"#, "matchShare": 0.5]]])], "Filters[0].Pattern: \"body\" is not a field of a Kafka record"),
        .init([("\(esm).FilterCriteria", ["Filters": [["matchShare": 0.5]]])], "eventSourceMapping.FilterCriteria.Filters[0].Pattern: missing"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": 5, "matchShare": 0.5]]])], "eventSourceMapping.FilterCriteria.Filters[0].Pattern: expected a string, found a number"),
        .init([("\(esm).FilterCriteria", ["Filters": Array(repeating: ["Pattern": pattern, "matchShare": 0.1], count: 11)])], "eventSourceMapping.FilterCriteria.Filters: 11 filters; an ESM has at most 10"),
        .init([("\(esm).FilterCriteria", ["Filters": "all"])], "eventSourceMapping.FilterCriteria.Filters: expected an array of filters, found a string"),
        .init([("\(esm).FilterCriteria", ["Filter": []])], "eventSourceMapping.FilterCriteria.Filter: unknown field; did you mean \"Filters\"?"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": pattern, "matchShare": 0.6]], "matchShare": 0.4])], "Filters[0].matchShare: 0.6 is more than FilterCriteria.matchShare (0.4)"),
        .init([("\(esm).FilterCriteria", ["Filters": [], "matchShare": 0.4])], "eventSourceMapping.FilterCriteria.matchShare: there are no Filters for it to describe"),
        .init([("\(esm).FilterCriteria", ["Filters": [["Pattern": String(repeating: " ", count: 4_097), "matchShare": 0.5]]])], "Pattern: 4,097 characters; a pattern has at most 4,096"),
        // StartingPositionTimestamp
        .init([("\(esm).StartingPositionTimestamp", 10)], "eventSourceMapping.StartingPositionTimestamp: is read only with StartingPosition AT_TIMESTAMP"),
        .init([("\(esm).StartingPosition", "AT_TIMESTAMP"), ("\(esm).StartingPositionTimestamp", "noon")], "eventSourceMapping.StartingPositionTimestamp: expected a number, found a string"),
        .init([("\(esm).StartingPosition", "AT_TIMESTAMP"), ("\(esm).StartingPositionTimestamp", -60)], "eventSourceMapping.StartingPositionTimestamp: -60 reaches into the backlog, which has no dates: give topic.backlogSpanSeconds"),
        .init([("topic.backlogSpanSeconds", -1)], "topic.backlogSpanSeconds: -1 is outside 0..."),
        // key skew
        .init([("topic.partitionWeights", [1, 2])], "topic.partitionWeights: has 2 weights for 4 partitions; give one per partition"),
        .init([("topic.partitionWeights", [0, 0, 0, 0])], "topic.partitionWeights: every weight is 0"),
        .init([("topic.partitionWeights", [1, -1, 1, 1])], "topic.partitionWeights[1]: -1 is outside 0...1,000,000,000,000"),
        .init([("topic.partitionWeights", 3)], "topic.partitionWeights: expected an array with one weight per partition, found a number"),
        .init([("topic.partitionWeights", [1, 1, 1, 1]), ("topic.hotPartitionShare", 0.5)], "give only one of hotPartitionShare and partitionWeights"),
        .init([("topic.keyDistribution", ["distribution": "zipf", "keys": 100])], "topic.keyDistribution.s: missing; a zipf distribution needs its exponent s"),
        .init([("topic.keyDistribution", ["distribution": "zipf", "s": 11, "keys": 100])], "topic.keyDistribution.s: 11 is outside 0...10"),
        .init([("topic.keyDistribution", ["distribution": "zipf", "s": 1.1, "keys": 0])], "topic.keyDistribution.keys: 0 is outside 1...1,000,000"),
        .init([("topic.keyDistribution", ["distribution": "zipf", "s": 1.1])], "topic.keyDistribution.keys: missing"),
        .init([("topic.keyDistribution", ["distribution": "pareto", "keys": 10])], "topic.keyDistribution.distribution: \"pareto\" is not a known value"),
        .init([("topic.keyDistribution", ["distribution": "uniform", "s": 1, "keys": 10])], "topic.keyDistribution.s: only a zipf distribution has an exponent"),
    ] }

    func testEveryBadSettingGetsItsMessage() {
        for item in Self.badCases {
            switch ScenarioJSON.load(ScenarioJSON.text(item.edits)) {
            case .success:
                XCTFail("accepted a bad scenario; expected \(item.expected)", line: item.line)
            case .failure(let error):
                XCTAssertTrue(error.description.contains(item.expected), "got:\n\(error.description)\nexpected: \(item.expected)", line: item.line)
                XCTAssertTrue(error.problems.allSatisfy { $0.line > 0 }, line: item.line)
            }
        }
    }

    func testFilterSharesCombine() throws {
        let independent = try ScenarioJSON.load(ScenarioJSON.text([("\(Self.esm).FilterCriteria", ["Filters": [
            ["Pattern": Self.pattern, "matchShare": 0.5], ["Pattern": #"{"key": [{"prefix": "eu-"}]}"#, "matchShare": 0.2],
        ]])])).get()
        XCTAssertEqual(try XCTUnwrap(independent.settings.filterMatchShare), 0.6, accuracy: 1e-12)
        let overall = try ScenarioJSON.load(ScenarioJSON.text([("\(Self.esm).FilterCriteria", ["Filters": [
            ["Pattern": Self.pattern], ["Pattern": #"{"partition": [0]}"#, "matchShare": 0.1],
        ], "matchShare": 0.25])])).get()
        XCTAssertEqual(overall.settings.filterMatchShare, 0.25)
        let none = try ScenarioJSON.load(ScenarioJSON.text([("\(Self.esm).FilterCriteria", ["Filters": []])])).get()
        XCTAssertNil(none.settings.filterMatchShare)
    }

    func testStartingTimestampAndSkewLoad() throws {
        let scenario = try ScenarioJSON.load(ScenarioJSON.text([
            ("\(Self.esm).StartingPosition", "AT_TIMESTAMP"), ("\(Self.esm).StartingPositionTimestamp", -30),
            ("topic.backlogSpanSeconds", 120), ("topic.keyDistribution", ["distribution": "zipf", "s": 1.1, "keys": 500]),
        ])).get()
        XCTAssertEqual(scenario.settings.startingPosition, .atTimestamp)
        XCTAssertEqual(scenario.settings.startingPositionTimestamp, -30)
        XCTAssertEqual(scenario.topic.backlogSpanSeconds, 120)
        XCTAssertEqual(scenario.topic.keyDistribution, KeyDistribution(shape: .zipf(exponent: 1.1), keys: 500))
        let weighted = try ScenarioJSON.load(ScenarioJSON.text([("topic.partitionWeights", [4, 1, 1, 0])])).get()
        XCTAssertEqual(weighted.topic.weights, [4, 1, 1, 0])
    }

    func testEventCountColumnsEndBothFiles() {
        XCTAssertEqual(Array(RunOutputs.summaryColumns.suffix(8)), EventCounts.columnNames)
        XCTAssertEqual(Array(RunOutputs.timeSeriesColumns.suffix(8)), EventCounts.columnNames)
        XCTAssertEqual(EventCounts.columnNames, [
            "polled_event_count", "filtered_out_event_count", "invoked_event_count", "failed_invoke_event_count",
            "dropped_event_count", "committed_event_count", "on_failure_destination_delivered_event_count",
            "on_failure_destination_delivery_error_count",
        ])
    }
}
