import XCTest
import ESMScenarios
import EventEngine
@testable import ESMImport

/// Seeded fuzzing of the YAML parser and the importers: damaged example inputs must give
/// either scenarios that load or positioned problems, never a crash.
final class ImportFuzzTests: XCTestCase {
    /// Characters that matter to YAML and JSON, for insertions.
    static let significant = Array("{}[],:\"'-#!&*|>?%@ \n\t0123456789.eExyz~".unicodeScalars)
    /// Replacements for a value: edge numbers, wrong types, intrinsic functions.
    static let replacements = ["0", "-1", "10001", "1e300", "\"100\"", "null", "[]", "{}", "true", "!Ref X", "{\"Ref\": \"P\"}", "''", "\"arn:aws:sqs:r:1:q\"", "301", "2001", "-0.5"]

    func testYAMLParserGivesAValueOrAPositionedError() {
        var random = RandomStream(seed: 15)
        var outcomes = (parsed: 0, refused: 0)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...60, using: &random)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in Self.significant.randomElement(using: &random)! }))
            do {
                _ = try YAMLParser.parse(text).cloudFormationJSON()
                outcomes.parsed += 1
            } catch {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertTrue((1...max(1, lines.count)).contains(error.line), "\(error) in \(text.debugDescription)")
                XCTAssertGreaterThanOrEqual(error.column, 1, text.debugDescription)
                XCTAssertFalse(error.message.isEmpty)
                outcomes.refused += 1
            }
        }
        XCTAssertGreaterThan(outcomes.parsed, 2_000)
        XCTAssertGreaterThan(outcomes.refused, 2_000)
    }

    func testDamagedInputsImportOrFailWithPositions() throws {
        let names = ["get-event-source-mapping.json", "get-function-configuration.json", "list-event-source-mappings.json",
                     "sam-template.yaml", "cloudformation-template.json", "terraform-show.json"]
        let texts = try names.map { try ImportFixtures.example($0) }
        var random = RandomStream(seed: 151)
        var outcomes = (imported: 0, rejected: 0)
        for trial in 0..<2_000 {
            let index = trial % names.count
            let name = names[index]
            let text = Self.mutate(texts[index], &random)
            var inputs = [(name, text)]
            if index == 1 { inputs.insert(("esm.json", texts[0]), at: 0) }
            switch ImportFixtures.run(inputs) {
            case .success(let scenarios):
                for scenario in scenarios {
                    XCTAssertNoThrow(try ImportFixtures.json(scenario), scenario.text)
                }
                outcomes.imported += 1
            case .failure(let error):
                XCTAssertFalse(error.problems.isEmpty)
                for problem in error.problems {
                    XCTAssertTrue(inputs.map(\.0).contains(problem.file), problem.description)
                    XCTAssertFalse(problem.message.isEmpty)
                    XCTAssertGreaterThanOrEqual(problem.line, 0)
                }
                outcomes.rejected += 1
            }
        }
        XCTAssertGreaterThan(outcomes.imported, 200)
        XCTAssertGreaterThan(outcomes.rejected, 200)
    }

    /// One random damage: truncation, a deleted or inserted character, or a value replaced.
    static func mutate(_ text: String, _ random: inout RandomStream) -> String {
        var scalars = Array(text.unicodeScalars)
        switch Int.random(in: 0...3, using: &random) {
        case 0:
            scalars = Array(scalars.prefix(Int.random(in: 0...scalars.count, using: &random)))
        case 1:
            if !scalars.isEmpty { scalars.remove(at: Int.random(in: 0..<scalars.count, using: &random)) }
        case 2:
            scalars.insert(significant.randomElement(using: &random)!, at: Int.random(in: 0...scalars.count, using: &random))
        default:
            // Replace the value after a random ": " with another.
            let colons = scalars.indices.filter { scalars[$0] == ":" && $0 + 1 < scalars.count && scalars[$0 + 1] == " " }
            guard let colon = colons.randomElement(using: &random) else { break }
            var end = colon + 2
            while end < scalars.count && !",\n}".unicodeScalars.contains(scalars[end]) { end += 1 }
            scalars.replaceSubrange((colon + 2)..<end, with: replacements.randomElement(using: &random)!.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
