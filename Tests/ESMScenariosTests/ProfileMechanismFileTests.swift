import ESMModel
@testable import ESMScenarios
import ESMFormats
import XCTest

/// Mechanism settings and `alternativeTo` in profile files: read, refused with a
/// position, and left out of files that keep aws-2024's mechanisms.
final class ProfileMechanismFileTests: XCTestCase {
    /// aws-2024's file with `entries` added to its constants (and `top` to its top level).
    static func aws2024(adding entries: [String], top: String = "") throws -> String {
        var text = try XCTUnwrap(ProfileStore.shippedFile("aws-2024")).text
        let marker = "\n  ]\n}"
        let range = try XCTUnwrap(text.range(of: marker, options: .backwards))
        text.replaceSubrange(range, with: entries.map { ",\n    " + $0 }.joined() + marker)
        if !top.isEmpty { text = text.replacingOccurrences(of: "\n  \"constants\": [", with: "\n  \(top),\n  \"constants\": [") }
        return text
    }

    static func problems(_ text: String) -> [Diagnostic] {
        do throws(DiagnosticError) {
            _ = try ProfileStore.parse(text, file: "p.json")
            return []
        } catch {
            return error.problems
        }
    }

    func testSettingsAndGrowthConstantsAreRead() throws {
        let text = try Self.aws2024(adding: [
            #"{"name": "provisioned.growthFactor", "value": 2, "unit": "ratio", "provenance": "assumed", "evidence": "a test value for the growth factor"}"#,
            #"{"name": "provisioned.pollerGrowth", "value": "multiplicative", "provenance": "assumed", "evidence": "a test of the growth setting"}"#,
            #"{"name": "rebalanceScope", "value": "allPartitions", "provenance": "assumed", "evidence": "a test of the rebalance scope"}"#,
        ], top: #""alternativeTo": "aws-2024""#)
        var profile = try ProfileStore.parse(text.replacingOccurrences(of: "\"name\": \"aws-2024\",", with: "\"name\": \"mine\","), file: "p.json")
        XCTAssertEqual(profile.provisioned.pollerGrowth, .multiplicative)
        XCTAssertEqual(profile.onDemand.pollerGrowth, .toWanted, "a setting left out keeps aws-2024's mechanism")
        XCTAssertEqual(profile.provisioned.growthFactor, 2)
        XCTAssertEqual(profile.provisioned.growthIncrement, 15, "an optional constant left out takes its default")
        XCTAssertEqual(profile.rebalanceScope, .allPartitions)
        XCTAssertEqual(profile.alternativeTo, "aws-2024")
        XCTAssertEqual(profile.observationNames, ["mine", "aws-2024"])
        // Rendering keeps what was given and reads back the same.
        let rendered = ProfileStore.render(profile)
        XCTAssertEqual(try ProfileStore.parse(rendered, file: "r.json"), profile)
        XCTAssertTrue(rendered.contains(#""value": "multiplicative""#))
        XCTAssertFalse(rendered.contains("onDemand.pollerGrowth"), "a default mechanism without a note is not written")
        profile.onDemand.pollerGrowth = .multiplicative
        XCTAssertTrue(ProfileStore.render(profile).contains("onDemand.pollerGrowth"), "a changed mechanism is written even without a note")
    }

    func testShippedProfilesRenderAsTheirFiles() throws {
        for name in ProfileStore.shippedNames {
            let text = try XCTUnwrap(ProfileStore.shippedFile(name)).text
            XCTAssertEqual(ProfileStore.render(try ProfileStore.load(name)), text, name)
        }
        // aws-2024 keeps the default mechanisms and lists none of them, so its text (and
        // hash, which outputs carry) is what it was before mechanisms existed.
        let aws2024 = try XCTUnwrap(ProfileStore.shippedFile("aws-2024")).text
        for setting in ProfileSetting.catalog { XCTAssertFalse(aws2024.contains("\"\(setting.name)\""), setting.name) }
        XCTAssertFalse(aws2024.contains("growthFactor"))
    }

    func testBadMechanismEntriesAreRefusedWithTheirPosition() throws {
        let cases: [(entry: String, top: String, path: String, message: String)] = [
            (#"{"name": "rebalanceScope", "value": "allPartition", "provenance": "assumed", "evidence": "a misspelt scope value"}"#, "",
             "constants[N].value", #"did you mean "allPartitions""#),
            (#"{"name": "rebalanceScope", "value": 1, "provenance": "assumed", "evidence": "a number where a name belongs"}"#, "",
             "constants[N].value", "expected a string"),
            (#"{"name": "rebalanceScope", "value": "allPartitions", "unit": "s", "provenance": "assumed", "evidence": "a unit on a mechanism"}"#, "",
             "constants[N].unit", "takes no unit"),
            (#"{"name": "onDemand.pollerGrowth", "provenance": "assumed", "evidence": "a mechanism with no value"}"#, "",
             "constants[N].value", "missing; expected one of toWanted, multiplicative"),
            (#"{"name": "onDemand.pollerGrowht", "value": "toWanted", "provenance": "assumed", "evidence": "a misspelt setting name"}"#, "",
             "constants[N].name", #"did you mean "onDemand.pollerGrowth""#),
            (#"{"name": "provisioned.growthFactor", "value": 0.5, "unit": "ratio", "provenance": "assumed", "evidence": "a factor that shrinks"}"#, "",
             "constants[N].value", "0.5 is outside 1...10"),
            (#"{"name": "provisioned.growthIncrement", "value": 5, "unit": "s", "provenance": "assumed", "evidence": "a wrong unit on a count"}"#, "",
             "constants[N].unit", "measured in pollers, not s"),
            (#"{"name": "rebalancePauseSeconds", "value": 5, "unit": "s", "provenance": "assumed", "evidence": "the pause given a second time"}"#, "",
             "constants[N].name", "rebalancePauseSeconds is given twice"),
            (#"{"name": "rebalanceScope", "value": "allPartitions", "provenance": "assumed", "evidence": "an alternative to itself"}"#,
             #""alternativeTo": "aws-2024""#, "alternativeTo", "must name another profile"),
            (#"{"name": "rebalanceScope", "value": "allPartitions", "provenance": "assumed", "evidence": "an alternative that is a number"}"#,
             #""alternativeTo": 7"#, "alternativeTo", "expected a string"),
        ]
        // The added entry follows aws-2024's own constants.
        let added = "constants[\(try ProfileStore.load("aws-2024").notes.count)]"
        for testCase in cases {
            let problems = Self.problems(try Self.aws2024(adding: [testCase.entry], top: testCase.top))
            XCTAssertEqual(problems.count, 1, "\(testCase.entry): \(problems)")
            guard let problem = problems.first else { continue }
            XCTAssertEqual(problem.path, testCase.path.replacingOccurrences(of: "constants[N]", with: added), testCase.entry)
            XCTAssertTrue(problem.message.contains(testCase.message), "\(testCase.entry): \(problem.message)")
            XCTAssertGreaterThan(problem.line, 0, testCase.entry)
            XCTAssertEqual(problem.file, "p.json")
        }
    }
}
