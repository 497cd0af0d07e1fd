import XCTest
import ESMScenarios
@testable import ESMImport

/// Provisioned concurrency from templates, Terraform and the AWS CLI, paired with the
/// version or alias the mapping's `FunctionName` invokes; what cannot be paired is said
/// plainly, and bad counts are positioned errors.
final class ProvisionedConcurrencyImportTests: XCTestCase {
    static let mapping = #"{"EventSourceArn": "arn:aws:kafka:r:1:cluster/c/x", "FunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:orders-consumer%@", "Topics": ["orders"]}"#

    /// A CLI mapping invoking `orders-consumer` with `qualifier` (e.g. ":live", or "" for none).
    static func cliMapping(_ qualifier: String) -> String { mapping.replacingOccurrences(of: "%@", with: qualifier) }

    static func function(_ scenario: ImportedScenario) throws -> String {
        try ImportFixtures.json(scenario)["function"]?.compactJSON ?? ""
    }

    func testTemplateAliasAndSAMAutoPublishAlias() throws {
        let template = try ImportFixtures.example("provisioned-concurrency-template.yaml")
        let scenarios = try ImportFixtures.run([("pc.yaml", template)]).get()
        XCTAssertEqual(scenarios.map(\.name), ["OrdersMapping", "AuditMapping", "PaymentsFunction-Payments"])
        // !Ref OrdersLive: the alias's 25 (a parameter's default), and its function's settings.
        XCTAssertEqual(try Self.function(scenarios[0]), #"{"durationMs":100,"memoryMB":1024,"architecture":"x86_64","reservedConcurrency":40,"ProvisionedConcurrentExecutions":25}"#)
        XCTAssertTrue(scenarios[0].report.contains("  provisioned concurrency: ProvisionedConcurrentExecutions 25 on OrdersFunction:live (AWS::Lambda::Alias OrdersLive in pc.yaml)"), "\(scenarios[0].report)")
        XCTAssertFalse(scenarios[0].report.contains { $0.contains("unresolved") }, "\(scenarios[0].report)")
        // !Ref OrdersFunction invokes $LATEST: the alias's provisioned concurrency is not its.
        XCTAssertEqual(try Self.function(scenarios[1]), #"{"durationMs":100,"memoryMB":1024,"architecture":"x86_64","reservedConcurrency":40}"#)
        XCTAssertTrue(scenarios[1].report.contains("  note: provisioned concurrency not used: it is configured on OrdersFunction:live (AWS::Lambda::Alias OrdersLive in pc.yaml), but the mapping invokes OrdersFunction (unqualified: $LATEST)"), "\(scenarios[1].report)")
        // SAM points the function's events at the alias AutoPublishAlias publishes.
        XCTAssertEqual(try Self.function(scenarios[2]), #"{"durationMs":100,"memoryMB":512,"architecture":"x86_64","ProvisionedConcurrentExecutions":8}"#)
    }

    func testTemplateReferencesByNameVersionAndSAMAlias() throws {
        let template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: worker
                  AutoPublishAlias: prod
                  ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: "6"}
              V3:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Fn
                  ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 4}
              ByName:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: "worker:prod", EventSourceArn: "arn:aws:kafka:r:1:cluster/c/x"}
              BySAMAlias:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !Ref Fn.Alias, EventSourceArn: "arn:aws:kafka:r:1:cluster/c/x"}
              ByVersion:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !Ref V3, EventSourceArn: "arn:aws:kafka:r:1:cluster/c/x"}
              BySub:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !Sub "${Fn}:prod", EventSourceArn: "arn:aws:kafka:r:1:cluster/c/x"}
            """
        let scenarios = try ImportFixtures.run([("t.yaml", template)]).get()
        let counts = try scenarios.map { try ImportFixtures.json($0)["function"]?["ProvisionedConcurrentExecutions"]?.compactJSON ?? "none" }
        XCTAssertEqual(counts, ["6", "6", "4", "none"])
        XCTAssertTrue(scenarios[3].report.contains { $0.contains("provisioned concurrency not used: the mapping's function is not known (its FunctionName is not resolved)") }, "\(scenarios[3].report)")
    }

    func testTerraformConfigurationOnTheAliasTheMappingInvokes() throws {
        let state = try ImportFixtures.example("terraform-provisioned-concurrency.json")
        let scenario = try ImportFixtures.run([("tf.json", state)]).get()[0]
        XCTAssertEqual(try Self.function(scenario), #"{"durationMs":100,"memoryMB":1024,"architecture":"arm64","reservedConcurrency":60,"ProvisionedConcurrentExecutions":30}"#)
        // The same configuration on another alias does not apply.
        let other = state.replacingOccurrences(of: #""qualifier": "live""#, with: #""qualifier": "blue""#)
        let unpaired = try ImportFixtures.run([("tf.json", other)]).get()[0]
        XCTAssertNil(try ImportFixtures.json(unpaired)["function"]?["ProvisionedConcurrentExecutions"])
        XCTAssertTrue(unpaired.report.contains { $0.contains("not used: it is configured on invoices:blue (aws_lambda_provisioned_concurrency_config.invoices_live in tf.json), but the mapping invokes invoices:live") }, "\(unpaired.report)")
    }

    func testCLIListIsPairedByFunctionArnsQualifier() throws {
        let list = try ImportFixtures.example("list-provisioned-concurrency-configs.json")
        let live = try ImportFixtures.run([("esm.json", Self.cliMapping(":live")), ("pc.json", list)]).get()[0]
        XCTAssertEqual(try ImportFixtures.json(live)["function"]?["ProvisionedConcurrentExecutions"]?.compactJSON, "25")
        let canary = try ImportFixtures.run([("esm.json", Self.cliMapping(":canary")), ("pc.json", list)]).get()[0]
        XCTAssertEqual(try ImportFixtures.json(canary)["function"]?["ProvisionedConcurrentExecutions"]?.compactJSON, "5")
        XCTAssertTrue(canary.report.contains { $0.contains("Status is IN_PROGRESS, 2 of 5 allocated: simulated as configured") }, "\(canary.report)")
        let latest = try ImportFixtures.run([("esm.json", Self.cliMapping("")), ("pc.json", list)]).get()[0]
        XCTAssertNil(try ImportFixtures.json(latest)["function"]?["ProvisionedConcurrentExecutions"])
        XCTAssertTrue(latest.report.contains { $0.contains("not used: it is configured on orders-consumer:live (") && $0.hasSuffix("but the mapping invokes orders-consumer (unqualified: $LATEST)") }, "\(latest.report)")
        let otherFunction = try ImportFixtures.run([("esm.json", Self.cliMapping(":live").replacingOccurrences(of: "orders-consumer", with: "billing")), ("pc.json", list)]).get()[0]
        XCTAssertTrue(otherFunction.report.contains { $0.contains("provisioned concurrency not used: none of") && $0.hasSuffix("is for billing") }, "\(otherFunction.report)")
    }

    func testCLIGetNamesNoFunctionSoTheReportSaysWhatItWasTakenFor() throws {
        let get = try ImportFixtures.example("get-provisioned-concurrency-config.json")
        let live = try ImportFixtures.run([("esm.json", Self.cliMapping(":live")), ("pc.json", get)]).get()[0]
        XCTAssertEqual(try ImportFixtures.json(live)["function"]?["ProvisionedConcurrentExecutions"]?.compactJSON, "12")
        XCTAssertTrue(live.report.contains("  note: provisioned concurrency: aws lambda get-provisioned-concurrency-config in pc.json does not say which function or alias it is for (the command prints neither): taken as that of orders-consumer:live, which the mapping invokes"), "\(live.report)")
        let latest = try ImportFixtures.run([("esm.json", Self.cliMapping("")), ("pc.json", get)]).get()[0]
        XCTAssertNil(try ImportFixtures.json(latest)["function"]?["ProvisionedConcurrentExecutions"])
        XCTAssertTrue(latest.report.contains("  note: provisioned concurrency not used: the mapping invokes orders-consumer (unqualified: $LATEST), which cannot have provisioned concurrency, so aws lambda get-provisioned-concurrency-config in pc.json does not apply to it"), "\(latest.report)")
    }

    func testBadCountsArePositioned() throws {
        let esm = ("esm.json", Self.cliMapping(":live"))
        let cliCases: [(String, String)] = [
            (#"{"RequestedProvisionedConcurrentExecutions": -3}"#, "pc.json:1:46: RequestedProvisionedConcurrentExecutions: -3 is outside 1...1,000,000"),
            (#"{"RequestedProvisionedConcurrentExecutions": 2.5}"#, "pc.json:1:46: RequestedProvisionedConcurrentExecutions: 2.5 is not a whole number"),
            (#"{"RequestedProvisionedConcurrentExecutions": "10"}"#, "pc.json:1:46: RequestedProvisionedConcurrentExecutions: expected a number, found a string"),
            (#"{"ProvisionedConcurrencyConfigs": [{"RequestedProvisionedConcurrentExecutions": 3}]}"#,
             "pc.json:1:36: ProvisionedConcurrencyConfigs[0].FunctionArn: missing; each configuration names the version or alias it is on"),
            (#"{"ProvisionedConcurrencyConfigs": [{"FunctionArn": "arn:aws:lambda:r:1:function:f:$LATEST", "RequestedProvisionedConcurrentExecutions": 3}]}"#,
             "pc.json:1:52: ProvisionedConcurrencyConfigs[0].FunctionArn: provisioned concurrency cannot be configured on $LATEST; it belongs to a published version or an alias"),
            (#"{"ProvisionedConcurrencyConfigs": {}}"#, "pc.json:1:35: ProvisionedConcurrencyConfigs: expected an array, found an object"),
        ]
        for (text, expected) in cliCases {
            XCTAssertEqual(ImportFixtures.outcome([esm, ("pc.json", text)]), expected, text)
        }
        let alias = { (count: String) in
            """
            Resources:
              Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: orders-consumer, ReservedConcurrentExecutions: 10}}
              Live:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Fn, Name: live, ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: \(count)}}
              M: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Live, EventSourceArn: "arn:aws:kafka:r:1:cluster/c/x"}}
            """
        }
        let path = "Resources.Live.Properties.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions"
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", alias("-1"))]), "t.yaml:5:117: \(path): -1 is outside 1...1,000,000")
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", alias("1.5"))]), "t.yaml:5:117: \(path): 1.5 is not a whole number")
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", alias("[3]"))]), "t.yaml:5:117: \(path): expected a number, found an array")
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", alias("many"))]), "t.yaml:5:117: \(path): expected a number, found \"many\"")
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", alias("12"))]),
                       "t.yaml:5:117: \(path): 12 is more than the function's reserved concurrency (10); provisioned concurrency is part of the reserved concurrency")
        let noAlias = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn: {Type: AWS::Serverless::Function, Properties: {ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 3}}}"
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", noAlias)]),
                       "t.yaml:3:84: Resources.Fn.Properties.ProvisionedConcurrencyConfig: needs AutoPublishAlias on Fn: SAM configures provisioned concurrency on the alias it publishes")
        let state = try ImportFixtures.example("terraform-provisioned-concurrency.json")
        let negative = state.replacingOccurrences(of: #""provisioned_concurrent_executions": 30"#, with: #""provisioned_concurrent_executions": -30"#)
        XCTAssertTrue(ImportFixtures.outcome([("tf.json", negative)]).hasSuffix("provisioned_concurrent_executions: -30 is outside 1...1,000,000"), ImportFixtures.outcome([("tf.json", negative)]))
        let latest = state.replacingOccurrences(of: #""qualifier": "live""#, with: #""qualifier": "$LATEST""#)
        XCTAssertTrue(ImportFixtures.outcome([("tf.json", latest)]).contains("qualifier: provisioned concurrency cannot be configured on $LATEST"), ImportFixtures.outcome([("tf.json", latest)]))
    }
}
