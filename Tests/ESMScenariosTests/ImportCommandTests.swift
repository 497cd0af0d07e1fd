import XCTest
import Foundation
@testable import ESMScenarios

/// `esmsim import` through the built binary: an imported scenario validates and runs,
/// bad input exits 2 with positions, nothing is overwritten without --force.
final class ImportCommandTests: XCTestCase {
    static let examples = RepositoryPaths.root + "/Scenarios/imports/"

    func testImportThenValidateAndRun() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let imported = try BuiltCommand.run(["import", Self.examples + "get-event-source-mapping.json", Self.examples + "get-function-configuration.json",
                                             "--partitions", "20", "--durationMs", "50", "--recordsPerSecond", "2000", "--durationSeconds", "600"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.errors)
        XCTAssertEqual(imported.output, "wrote orders-consumer-orders.json\n")
        try FileManager.default.moveItem(atPath: folder + "/orders-consumer-orders.json", toPath: folder + "/orders.json")
        XCTAssertTrue(imported.errors.contains("  read: StartingPosition TRIM_HORIZON, BatchSize 500"), imported.errors)
        XCTAssertTrue(imported.errors.contains("  assumed: topic.recordSizeBytes 1,024 (give --recordSizeBytes)"), imported.errors)
        XCTAssertTrue(imported.errors.contains("  ignored: UUID, LastModified"), imported.errors)
        XCTAssertFalse(imported.errors.contains("assumed: topic.partitions"), imported.errors)
        let validated = try BuiltCommand.run(["validate", "orders.json"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.errors)
        XCTAssertEqual(validated.output, "orders.json: ok\n")
        let ran = try BuiltCommand.run(["run", "orders.json", "--out", "results"], in: folder)
        XCTAssertEqual(ran.status, 0, ran.errors)
        let summary = try BuiltCommand.read(folder, "results/orders/summary.csv")
        XCTAssertTrue(summary.contains("orders-consumer-orders,aws-2024,provisioned,1,1200000,1200000,"), summary)

        try FileManager.default.copyItem(atPath: folder + "/orders.json", toPath: folder + "/orders-consumer-orders.json")
        let again = try BuiltCommand.run(["import", Self.examples + "get-event-source-mapping.json", "--out", "."], in: folder)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.errors.contains("orders-consumer-orders.json: exists; give --force to replace it"), again.errors)
        let file = try BuiltCommand.run(["import", Self.examples + "get-event-source-mapping.json", "--out", "orders.json"], in: folder)
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.errors.contains("--out is the output folder"), file.errors)
        XCTAssertEqual(try BuiltCommand.read(folder, "orders.json").contains("\"memoryMB\": 1024"), true)
    }

    func testTemplatesGiveOneFileEachOrTheOneChosen() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let all = try BuiltCommand.run(["import", Self.examples + "sam-template.yaml", "--out", "sam"], in: folder)
        XCTAssertEqual(all.status, 0, all.errors)
        XCTAssertEqual(all.output, "wrote sam/PaymentsFunction-PaymentsStream.json\nwrote sam/ClickstreamFunction-Clicks.json\n")
        let validated = try BuiltCommand.run(["validate", "sam/PaymentsFunction-PaymentsStream.json", "sam/ClickstreamFunction-Clicks.json"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.errors)
        let one = try BuiltCommand.run(["import", Self.examples + "sam-template.yaml", "--logical-id", "Clicks", "--out", "-"], in: folder)
        XCTAssertEqual(one.status, 0, one.errors)
        XCTAssertTrue(one.output.hasPrefix("{\n  \"name\": \"ClickstreamFunction-Clicks\""), one.output)
        let several = try BuiltCommand.run(["import", Self.examples + "sam-template.yaml", "--out", "-"], in: folder)
        XCTAssertEqual(several.status, 2)
        XCTAssertTrue(several.errors.contains("--out - prints one scenario, and the input holds 2"), several.errors)
    }

    func testProvisionedConcurrencyIsImportedAndABadCountExitsTwo() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let imported = try BuiltCommand.run(["import", Self.examples + "provisioned-concurrency-template.yaml", "--logical-id", "OrdersMapping", "--out", "."], in: folder)
        XCTAssertEqual(imported.status, 0, imported.errors)
        XCTAssertTrue(try BuiltCommand.read(folder, "OrdersMapping.json").contains("\"ProvisionedConcurrentExecutions\": 25"))
        XCTAssertEqual(try BuiltCommand.run(["validate", "OrdersMapping.json"], in: folder).status, 0)
        try BuiltCommand.write("{\"RequestedProvisionedConcurrentExecutions\": -2}", folder, "pc.json")
        let bad = try BuiltCommand.run(["import", Self.examples + "get-event-source-mapping.json", "pc.json", "--out", "bad"], in: folder)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.errors, "pc.json:1:46: RequestedProvisionedConcurrentExecutions: -2 is outside 1...1,000,000\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/bad"))
    }

    func testBadInputExitsTwoWithPositionsAndWritesNothing() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write("Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      BatchSize: 0\n      Topics: 'x\n", folder, "bad.yaml")
        try BuiltCommand.write("{\"EventSourceArn\": \"arn:aws:kafka:r:1:cluster/c/x\", \"BatchSize\": 10001}", folder, "bad.json")
        let result = try BuiltCommand.run(["import", "bad.yaml", "bad.json", "--out", "out"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, """
            bad.yaml:6:15: malformed YAML: unterminated single-quoted string
            bad.json:1:66: BatchSize: 10,001 is outside 1...10,000

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
        let usage = try BuiltCommand.run(["import", "bad.json", "--partitions", "0"], in: folder)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.errors.contains("--partitions must be a whole number of partitions in 1...1000000"), usage.errors)
    }
}
