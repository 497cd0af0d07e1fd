import Foundation
@testable import ESMScenarios
@testable import ESMFormats
import ESMModel
import XCTest

/// Profile sets: the shipped ones load; a user's set file loads its members by name or
/// file; every mistake is reported at its member with its position.
final class ProfileSetTests: XCTestCase {
    func testShippedTodayHoldsTodaysProfiles() throws {
        let today = try ProfileSet.load("today")
        XCTAssertEqual(today.name, "today")
        XCTAssertTrue(today.memberNames.contains("aws-2024"))
        XCTAssertFalse(today.memberNames.contains("aws-2021"), "aws-2021 describes the service of 2021, not today's")
        XCTAssertFalse(today.description.isEmpty)
    }

    func testSetFileLoadsNamedAndFileMembersInOrder() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let set = try ProfileSet.load(try EnsembleFixtures.threeMembers(in: folder))
        XCTAssertEqual(set.memberNames, ["aws-2024", "aws-2021", "aws-2024-slow"])
        XCTAssertEqual(set.members[2].profile.rebalancePauseSeconds, 20)
    }

    func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try ProfileSet.parse(text, file: "set.json")
            return []
        } catch {
            return error.problems
        }
    }

    func testUnknownMemberIsPositionedWithASuggestion() {
        let found = problems("{\"name\": \"x\", \"description\": \"d\",\n \"members\": [\"aws-2024\", \"aws_2024\"]}")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 2)
        XCTAssertEqual(found.first?.column, 26)
        XCTAssertEqual(found.first?.path, "members[1]")
        XCTAssertTrue(found.first?.message.contains("did you mean \"aws-2024\"") ?? false, found.first?.message ?? "")
        XCTAssertTrue(found.first?.description.hasPrefix("set.json:2:26: members[1]: unknown profile") ?? false, found.first?.description ?? "")
    }

    func testEmptyDuplicateAndMistypedMembersAreReported() {
        XCTAssertEqual(problems(#"{"name": "x", "description": "d", "members": []}"#).map(\.path), ["members"])
        XCTAssertTrue(problems(#"{"name": "x", "description": "d", "members": []}"#)[0].message.contains("empty"))
        let duplicate = problems(#"{"name": "x", "description": "d", "members": ["aws-2024", "aws-2021", "aws-2024"]}"#)
        XCTAssertEqual(duplicate.map(\.path), ["members[2]"])
        XCTAssertTrue(duplicate[0].message.contains("already a member"))
        XCTAssertEqual(problems(#"{"name": "x", "description": "d", "members": ["aws-2024", 7]}"#).map(\.path), ["members[1]"])
        XCTAssertEqual(problems(#"{"name": "x", "description": "d", "members": "aws-2024"}"#).map(\.path), ["members"])
        XCTAssertEqual(problems(#"{"name": "x", "members": ["aws-2024"], "membres": 1}"#).map(\.path).sorted(), ["description", "membres"])
        XCTAssertEqual(problems(#"{"name": "x", "description": "d", "members": ["missing.json"]}"#).map(\.path), ["members[0]"])
    }

    func testUnknownShippedSetSuggestsTheNearestName() {
        XCTAssertThrowsError(try ProfileSet.load("todya")) { error in
            XCTAssertTrue("\(error)".contains("did you mean \"today\""), "\(error)")
        }
    }
}
