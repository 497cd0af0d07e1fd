import ESMModel
@testable import ESMScenarios
@testable import ESMCharts
@testable import ESMStudies
@testable import ESMBilling
@testable import ESMFormats
import EventEngine
import XCTest

/// AWS's documented sizing arithmetic: the shipped examples keep their rules, and over
/// random provisioned backlogs the model never delivers more than the arithmetic allows.
final class SizingExampleTests: XCTestCase {
    func testEveryDocumentedExampleKeepsItsRule() throws {
        let examples = try SizingExample.load(path: RepositoryPaths.scenario("sizing-examples.csv"))
        XCTAssertEqual(examples.count, 7)
        let rows = try SizingReport.rows(for: examples)
        print("\nAWS's sizing arithmetic versus the model (esmsim fidelity):\n" + SizingReport.table(rows) + "\n")
        for row in rows {
            XCTAssertTrue(row.holds, "\(row.example.scenarioName) \(row.example.metric.rawValue): AWS \(row.example.awsFigure), simulated \(row.simulated)")
        }
    }

    func testMalformedExampleFilesAreRefusedWithTheirLines() {
        let text = "scenario,metric,aws_figure,rule,tolerance,source\na.json,speed,1,at_most,,x\nb.json,records_per_second,1,roughly,,x\nc.json,records_per_second,1,equal,,x\n"
        XCTAssertThrowsError(try SizingExample.parse(text, file: "s.csv", folder: "/")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("s.csv:2:8: metric: unknown metric \"speed\""), message)
            XCTAssertTrue(message.contains("s.csv:3:29: rule: \"roughly\" must be at_most or equal"), message)
            XCTAssertTrue(message.contains("s.csv:4:35: tolerance: missing; expected a positive number for rule equal"), message)
        }
    }

    /// AWS's arithmetic for `pollers` pollers: five invocations each, each delivering a
    /// full batch per function duration, and at most 5 MB/s each.
    static func awsRecordsPerSecond(pollers: Int, batchSize: Int, durationMs: Double, recordBytes: Double) -> Double {
        let byInvocations = Double(pollers) * 5 * Double(batchSize) * 1_000 / durationMs
        let byBytes = Double(pollers) * 5_000_000 / recordBytes
        return min(byInvocations, byBytes)
    }

    func testModelNeverDeliversMoreThanAWSArithmetic() throws {
        var random = TestRandom(seed: 5)
        for profileName in ["aws-2024", "aws-2021"] {
            let profile = try ProfileStore.load(profileName)
            for trial in 0..<LongTest.cases(optimized: 40, debug: 8) {
                let pollers = random.int(1...8)
                let partitions = random.int(1...60)
                let batchSize = random.pick([1, 5, 20, 100, 500])
                let durationMs = random.double(5, 400)
                let recordBytes = Double(random.pick([100, 1_024, 20_000, 1_000_000]))
                let text = ScenarioJSON.serialise([
                    "topic": ["partitions": partitions, "recordSizeBytes": recordBytes, "backlogRecords": random.int(2_000...60_000)] as [String: Any],
                    "function": ["durationMs": durationMs],
                    "eventSourceMapping": [
                        "BatchSize": batchSize, "MaximumBatchingWindowInSeconds": random.int(0...1),
                        "ProvisionedPollerConfig": ["MinimumPollers": pollers, "MaximumPollers": pollers],
                    ] as [String: Any],
                ] as [String: Any])
                let scenario = try ScenarioJSON.load(text).get()
                let result = ScenarioRunner.run(scenario, profile: profile, options: .init())
                let running = min(pollers, partitions)
                let bound = Self.awsRecordsPerSecond(pollers: running, batchSize: batchSize, durationMs: durationMs, recordBytes: recordBytes)
                let delivered = SizingMetric.recordsPerSecond.value(in: result, scenario: scenario)
                XCTAssertLessThanOrEqual(delivered, bound * 1.000001, "\(profileName) trial \(trial):\n\(text)")
                XCTAssertLessThanOrEqual(result.summary.maxConcurrency, 5 * running, "\(profileName) trial \(trial)")
            }
        }
    }
}
