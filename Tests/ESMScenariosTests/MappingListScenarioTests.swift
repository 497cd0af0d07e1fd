import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
import XCTest

/// Scenarios listing several ESMs on one function (`eventSourceMappings`): validation with
/// positioned messages, a list of one written byte for byte as the one-ESM form, and the
/// per-ESM, total and poller-group outputs.
final class MappingListScenarioTests: XCTestCase {
    static let function = #""function": {"durationMs": 50, "reservedConcurrency": 4}"#

    /// An element with `name`, a small topic and `settings` as its eventSourceMapping.
    static func element(_ name: String, partitions: Int = 3, backlog: Int = 600, settings: String = "{}", extra: String = "") -> String {
        #"{"name": "\#(name)"\#(extra), "topic": {"partitions": \#(partitions), "backlogRecords": \#(backlog)}, "producer": {"recordsPerSecond": 5, "durationSeconds": 120}, "eventSourceMapping": \#(settings)}"#
    }

    static func scenario(_ elements: [String], top: String = "") -> String {
        "{\(function),\(top)\n\"eventSourceMappings\": [\n" + elements.joined(separator: ",\n") + "\n]}"
    }

    func problems(_ text: String) -> String {
        do {
            _ = try ScenarioLoader.parse(text, file: "list.json", defaultName: "list")
            return ""
        } catch {
            return error.description
        }
    }

    static let grouped = #"{"ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 1000, "PollerGroupName": "g"}}"#

    func testBadListsAreRefusedWithTheirPositions() {
        let cases: [(String, String, UInt)] = [
            (Self.scenario([Self.element("a")], top: #""topic": {"partitions": 1},"#),
             "list.json:1:68: topic: give either eventSourceMappings (several ESMs on the function, each with its own topic, producer and eventSourceMapping) or one ESM's topic at the top level, not both", #line),
            (#"{\#(Self.function), "eventSourceMappings": {"name": "a"}}"#, "eventSourceMappings: expected an array of ESMs", #line),
            (Self.scenario([]), "eventSourceMappings: lists 0 ESMs; give 1 to 100", #line),
            (Self.scenario([#"{"topic": {"partitions": 1, "backlogRecords": 5}}"#]), "list.json:3:1: eventSourceMappings[0].name: missing; give the ESM a name", #line),
            (Self.scenario([Self.element("orders topic")]), "list.json:3:10: eventSourceMappings[0].name: must be 1 to 64 characters of [a-zA-Z0-9-_]", #line),
            (Self.scenario([Self.element("total")]), "eventSourceMappings[0].name: \"total\" names the function-wide row of the outputs", #line),
            (Self.scenario([Self.element("a"), Self.element("b"), Self.element("a")]),
             "list.json:5:10: eventSourceMappings[2].name: \"a\" is already the name of eventSourceMappings[0]; each ESM needs its own name", #line),
            (Self.scenario([Self.element("a", extra: #", "function": {"durationMs": 9}"#)]),
             "eventSourceMappings[0].function: every ESM of the list invokes the scenario's one function", #line),
            (Self.scenario([Self.element("a", extra: #", "FunctionName": "f1""#), Self.element("b", extra: #", "FunctionName": "f2""#)]),
             "list.json:4:31: eventSourceMappings[1].FunctionName: \"f2\" is not the function of eventSourceMappings[0] (\"f1\")", #line),
            (Self.scenario([Self.element("a", settings: #"{"BatchSize": 0}"#)]),
             "list.json:3:163: eventSourceMappings[0].eventSourceMapping.BatchSize: 0 is outside 1...10,000", #line),
            (Self.scenario([Self.element("a"), #"{"name": "b", "topic": {"partitions": 2}}"#]),
             "list.json:4:1: eventSourceMappings[1]: the scenario has no records: give topic.backlogRecords or a producer", #line),
            (Self.scenario([Self.element("a"), #"{"name": "b"}"#]), "eventSourceMappings[1].topic: missing; a scenario needs a topic", #line),
            (Self.scenario([Self.element("a", settings: #"{"MaximumRetryAttempts": 2}"#)]),
             "eventSourceMappings[0].eventSourceMapping.MaximumRetryAttempts: Kafka ESMs accept this only in provisioned mode", #line),
            (Self.scenario([Self.element("a", settings: Self.grouped), Self.element("b", settings: Self.grouped), Self.element("c", settings: Self.grouped)]),
             "list.json:5:242: eventSourceMappings[2].eventSourceMapping.ProvisionedPollerConfig.PollerGroupName: poller group \"g\"'s ESMs add up to 3,000 MaximumPollers so far; a poller group allows at most 2,000", #line),
            (Self.scenario([Self.element("a", settings: #"{"PollerGroupName": "g"}"#)]),
             "eventSourceMappings[0].eventSourceMapping.PollerGroupName: unknown field", #line),
            (Self.scenario([Self.element("a")], top: #""esmsInPollerGroup": 2,"#), "esmsInPollerGroup: give either eventSourceMappings", #line),
        ]
        for (text, expected, line) in cases {
            let found = problems(text)
            XCTAssertTrue(found.contains(expected), "expected \(expected)\nfound \(found)", line: line)
        }
        XCTAssertEqual(problems(Self.scenario([Self.element("a", settings: Self.grouped), Self.element("b", settings: Self.grouped)])), "")
    }

    /// The one-ESM form of a scenario and the same ESM as a list of one.
    static let single = """
        {"name": "pair", "seed": 3, "function": {"durationMs": {"distribution": "lognormal", "mu": 3.5, "sigma": 0.4}, "reservedConcurrency": 2},
         "topic": {"partitions": 4, "backlogRecords": 3000}, "producer": {"recordsPerSecond": 20, "durationSeconds": 300, "arrivals": "poisson"},
         "eventSourceMapping": {"BatchSize": 50, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 4, "PollerGroupName": "solo"}}}
        """
    static let listOfOne = """
        {"name": "pair", "seed": 3, "function": {"durationMs": {"distribution": "lognormal", "mu": 3.5, "sigma": 0.4}, "reservedConcurrency": 2},
         "eventSourceMappings": [{"name": "only",
         "topic": {"partitions": 4, "backlogRecords": 3000}, "producer": {"recordsPerSecond": 20, "durationSeconds": 300, "arrivals": "poisson"},
         "eventSourceMapping": {"BatchSize": 50, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 4, "PollerGroupName": "solo"}}}]}
        """

    func testAListOfOneWritesTheOneESMFormByteForByte() throws {
        let profile = try ProfileStore.load("aws-2024")
        let prices = try PriceList.load(path: nil)
        let region = try prices.list.prices(for: "us-east-1", file: prices.file)
        let single = try ScenarioLoader.parse(Self.single, file: "s", defaultName: "s")
        let list = try ScenarioLoader.parse(Self.listOfOne, file: "l", defaultName: "l")
        let alone = ScenarioRunner.run(single, profile: profile, options: .init())
        let together = ScenarioRunner.runMappings(list, profile: profile, options: .init())
        XCTAssertGreaterThan(alone.summary.throttles, 0, "the case exercises throttling")
        let aloneCost = ScenarioRunner.cost(of: alone, scenario: single, prices: region, freeTier: false)
        let totalCost = ScenarioRunner.cost(of: together.total, scenario: list, prices: region, freeTier: false)
        XCTAssertEqual(RunOutputs.timeSeriesCSV(together.total.rows), RunOutputs.timeSeriesCSV(alone.rows))
        XCTAssertEqual(RunOutputs.timeSeriesCSV(together.mappings[0].rows), RunOutputs.timeSeriesCSV(alone.rows))
        XCTAssertEqual(RunOutputs.summaryCSV(together.total.summary, cost: totalCost), RunOutputs.summaryCSV(alone.summary, cost: aloneCost))
        // In the list's summary.csv the total row is the one-ESM row with `total` in the mapping column.
        let costs = ScenarioRunner.costs(of: together, scenario: list, prices: region, freeTier: false)
        let lines = RunOutputs.mappingSummaryCSV(together, costs: costs.mappings, totalCost: totalCost).split(separator: "\n")
        var expected = RunOutputs.summaryCells(alone.summary, cost: aloneCost)
        expected.insert("total", at: 1)
        XCTAssertEqual(String(lines[2]), CSVFormat.line(expected))
        XCTAssertEqual(together.groups.map(\.epuSeconds), [alone.summary.epuSeconds])
        let groupCSV = RunOutputs.pollerGroupCSV(together, costs: costs.groups).split(separator: "\n")
        XCTAssertTrue(groupCSV[1].hasPrefix("solo,only,\(alone.summary.epuSeconds),\(CSVFormat.decimal(aloneCost.epuHours, places: 6)),\(CSVFormat.decimal(aloneCost.epuCost, places: 6)),"), String(groupCSV[1]))
    }

    func testSummaryRowsPerESMAndATotalThatAddsUp() throws {
        let profile = try ProfileStore.load("aws-2024")
        let prices = try PriceList.load(path: nil)
        let region = try prices.list.prices(for: "us-east-1", file: prices.file)
        let text = Self.scenario([
            Self.element("a", partitions: 3, backlog: 2_000, settings: Self.grouped.replacingOccurrences(of: "1000", with: "3")),
            Self.element("b", partitions: 2, backlog: 500, settings: Self.grouped.replacingOccurrences(of: "1000", with: "2")),
            Self.element("c", partitions: 2, backlog: 900),
        ])
        let scenario = try ScenarioLoader.parse(text, file: "l", defaultName: "three")
        let result = ScenarioRunner.runMappings(scenario, profile: profile, options: .init())
        let costs = ScenarioRunner.costs(of: result, scenario: scenario, prices: region, freeTier: false)
        let totalCost = ScenarioRunner.cost(of: result.total, scenario: scenario, prices: region, freeTier: false)
        let lines = CSVReader.rows(RunOutputs.mappingSummaryCSV(result, costs: costs.mappings, totalCost: totalCost)).map(\.cells)
        let csv = (header: lines[0], rows: Array(lines.dropFirst()))
        XCTAssertEqual(csv.header, RunOutputs.mappingSummaryColumns)
        XCTAssertEqual(csv.rows.map { $0[1] }, ["a", "b", "c", "total"])
        XCTAssertEqual(Set(csv.rows.map { $0[0] }), ["three"])
        for column in ["records_produced", "records_processed", "invocations", "throttles", "invoked_event_count", "committed_event_count"] {
            let index = try XCTUnwrap(csv.header.firstIndex(of: column))
            let parts = csv.rows.dropLast().map { Int64($0[index])! }
            XCTAssertEqual(Int64(csv.rows[3][index]), parts.reduce(0, +), column)
        }
        let maxIndex = try XCTUnwrap(csv.header.firstIndex(of: "max_concurrency"))
        XCTAssertLessThanOrEqual(Int(csv.rows[3][maxIndex])!, 4, "the function's reserved concurrency")
        // The group's EPUs are billed once: in the total, none in its ESMs' rows.
        let epuIndex = try XCTUnwrap(csv.header.firstIndex(of: "epu_hours"))
        XCTAssertEqual(csv.rows.dropLast().map { Double($0[epuIndex])! }, [0, 0, 0])
        XCTAssertEqual(Double(csv.rows[3][epuIndex])!, Double(result.groups[0].epuSeconds) / 3_600, accuracy: 1e-6)
        XCTAssertGreaterThan(result.groups[0].epuSeconds, 0)
        // Per-ESM costs add up to the total's without the free tier.
        XCTAssertEqual(costs.mappings.reduce(0) { $0 + $1.total } + costs.groups.reduce(0) { $0 + $1.total }, totalCost.total, accuracy: 1e-9)
    }
}
