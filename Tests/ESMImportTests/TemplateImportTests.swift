import XCTest
import ESMScenarios
@testable import ESMImport

/// CloudFormation and SAM templates, JSON and YAML: mappings, SAM's MSK and
/// SelfManagedKafka events, their functions, intrinsic functions, and bad templates.
final class TemplateImportTests: XCTestCase {
    func testSAMTemplateWithMSKAndSelfManagedKafkaEvents() throws {
        let template = try ImportFixtures.example("sam-template.yaml")
        let scenarios = try ImportFixtures.run([("sam.yaml", template)]).get()
        XCTAssertEqual(scenarios.map(\.name), ["PaymentsFunction-PaymentsStream", "ClickstreamFunction-Clicks"])
        let payments = try ImportFixtures.json(scenarios[0])
        // BatchSize is `!Ref PaymentsBatchSize`, whose Default is 200; memory and architecture come from Globals.
        XCTAssertEqual(payments["eventSourceMapping"]?.compactJSON,
                       #"{"StartingPosition":"LATEST","BatchSize":200,"MaximumBatchingWindowInSeconds":2,"ProvisionedPollerConfig":{"MinimumPollers":5,"MaximumPollers":50},"DestinationConfig":{"OnFailure":{"Destination":"arn:unresolved:!GetAtt PaymentsFailures.Arn"}}}"#)
        XCTAssertEqual(payments["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":512,"architecture":"arm64","reservedConcurrency":50}"#)
        XCTAssertTrue(scenarios[0].report.contains { $0.contains("unresolved: Resources.PaymentsFunction.Properties.Events.PaymentsStream.Properties.Stream = !Ref ClusterArn") })
        let clicks = try ImportFixtures.json(scenarios[1])
        XCTAssertEqual(clicks["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":1769,"architecture":"arm64"}"#)
        XCTAssertEqual(clicks["eventSourceMapping"]?.compactJSON, #"{"StartingPosition":"TRIM_HORIZON","BatchSize":1000}"#)
        XCTAssertEqual(ImportFixtures.outcome([("sam.yaml", template)], selection: .init(logicalID: "Clicks")), "ok: ClickstreamFunction-Clicks")
        XCTAssertEqual(ImportFixtures.outcome([("sam.yaml", template)], selection: .init(logicalID: "PaymentsFunction.PaymentsStream")), "ok: PaymentsFunction-PaymentsStream")
    }

    func testCloudFormationJSONTemplate() throws {
        let template = try ImportFixtures.example("cloudformation-template.json")
        let scenario = try ImportFixtures.run([("cfn.json", template)]).get()[0]
        XCTAssertEqual(scenario.name, "InventoryMapping")
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON,
                       #"{"StartingPosition":"TRIM_HORIZON","BatchSize":250,"MaximumBatchingWindowInSeconds":0,"MaximumRetryAttempts":3,"DestinationConfig":{"OnFailure":{"Destination":"kafka://inventory-dlq"}},"ProvisionedPollerConfig":{"MinimumPollers":1,"MaximumPollers":10,"PollerGroupName":"inventory"}}"#)
        XCTAssertEqual(json["function"]?.compactJSON, #"{"durationMs":100,"memoryMB":256,"architecture":"x86_64","reservedConcurrency":20}"#)
    }

    func testIntrinsicsAreKeptByNameAndDefaultsUsed() throws {
        let yaml = """
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Consumer:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-consumer'
                  EventSourceArn: !GetAtt Cluster.Arn
                  BatchSize: !If [IsProd, 1000, 10]
                  MaximumBatchingWindowInSeconds: !Ref AWS::NoValue
                  ProvisionedPollerConfig:
                    MinimumPollers: !FindInMap [Pollers, !Ref Env, Min]
                  Topics: [!Ref TopicName]
              Cluster:
                Type: AWS::MSK::Cluster
            """
        let scenario = try ImportFixtures.run([("t.yaml", yaml)]).get()[0]
        let json = try ImportFixtures.json(scenario)
        XCTAssertEqual(json["eventSourceMapping"]?.compactJSON, #"{"ProvisionedPollerConfig":{"MinimumPollers":1}}"#)
        XCTAssertEqual(scenario.mapping.unresolved, [
            "Resources.Consumer.Properties.FunctionName = !Sub '${AWS::StackName}-consumer'",
            "Resources.Consumer.Properties.EventSourceArn = !GetAtt Cluster.Arn",
            "Resources.Consumer.Properties.BatchSize = !If [\"IsProd\",1000,10] (AWS's default is used)",
            "Resources.Consumer.Properties.ProvisionedPollerConfig.MinimumPollers = !FindInMap [\"Pollers\",{\"Ref\":\"Env\"},\"Min\"] (AWS's default is used)",
        ])
        XCTAssertNil(scenario.mapping.notKafka)
    }

    func testNonKafkaMappingsAreSkipped() throws {
        let yaml = """
            Resources:
              Queue: {Type: AWS::SQS::Queue}
              FromQueue:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: f, EventSourceArn: !GetAtt Queue.Arn, BatchSize: 10}
              FromKafka:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: f, EventSourceArn: 'arn:aws:kafka:r:1:cluster/c/x', BatchSize: "20"}
            """
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", yaml)]), "ok: FromKafka")
        let onlyQueue = yaml.components(separatedBy: "  FromKafka:")[0]
        XCTAssertEqual(ImportFixtures.outcome([("t.yaml", onlyQueue)]),
                       "t.yaml:4:5: FromQueue: its event source Queue is a AWS::SQS::Queue, not Kafka; esmsim models Kafka event source mappings only")
    }

    func testBadTemplatesArePositioned() {
        let mapping = "Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
        let cases: [(String, String)] = [
            (mapping + "      BatchSize: 0\n", "t.yaml:5:18: Resources.M.Properties.BatchSize: 0 is outside 1...10,000"),
            (mapping + "      BatchSize: many\n", "t.yaml:5:18: Resources.M.Properties.BatchSize: expected a number, found \"many\""),
            (mapping + "\tBatchSize: 1\n", "t.yaml:5:1: malformed YAML: a tab in the indentation; YAML indents with spaces"),
            (mapping + "      Topics: 'orders\n", "t.yaml:5:15: malformed YAML: unterminated single-quoted string"),
            (mapping + "      Enabled: maybe\n", "t.yaml:5:16: Resources.M.Properties.Enabled: expected true or false, found a string"),
            (mapping + "      ProvisionedPollerConfig: {MinimumPollers: 3, MaximumPollers: 2}\n",
             "t.yaml:5:68: Resources.M.Properties.ProvisionedPollerConfig.MaximumPollers: 2 is less than MinimumPollers (3)"),
            (mapping + "      Tpoics: [a]\n", "t.yaml:5:15: Resources.M.Properties.Tpoics: unknown field; did you mean \"Topics\"?"),
            ("Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n", "t.yaml:3:5: Resources.M.Properties: missing; an event source mapping needs FunctionName and its source"),
            ("Resources:\n  M:\n    Properties: {}\n", "t.yaml:3:5: Resources.M.Type: missing; every resource has a Type"),
            ("AWSTemplateFormatVersion: '2010-09-09'\n", "t.yaml:1:1: Resources: missing; a template declares its resources under Resources"),
            ("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      MemorySize: 20000\n      Events:\n        E:\n          Type: MSK\n",
             "t.yaml:5:19: Resources.F.Properties.MemorySize: 20,000 is outside 128...10,240\nt.yaml:8:11: Resources.F.Properties.Events.E.Properties: missing; a MSK event needs its properties (Topics, Stream, ...)"),
            ("Resources: [1, 2]\n", "t.yaml:1:12: Resources: expected an object, found an array"),
        ]
        for (yaml, expected) in cases {
            XCTAssertEqual(ImportFixtures.outcome([("t.yaml", yaml)]), expected, yaml)
        }
    }
}
