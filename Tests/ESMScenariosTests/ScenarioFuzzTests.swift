import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// Seeded fuzzing of the shipped scenarios: thousands of random mutations (edge and
/// absurd numbers, deleted and misspelt keys, wrong types, truncated and damaged text),
/// each of which must give either a clean `DiagnosticError` or a run that ends.
final class ScenarioFuzzTests: XCTestCase {
    /// Numbers that sit on or past the edges of the service's ranges.
    static var edgeNumbers: [Any] { [
        0, -1, 1, 0.5, -0.000001, 1e-300, 1e9, 1e15, 1e300, -1e300, 10_000, 10_001, 300, 301, 200, 2_000, 2_001,
        128, 10_240, 840_000, 840_001, 9_007_199_254_740_993, 31_622_400, 31_622_401,
    ] }
    /// Values of the wrong type.
    static var wrongTypes: [Any] { ["", "100", "TRIM_HORIZON", true, NSNull(), [Any](), [1, 2], [String: Any](), ["distribution": "constant"]] }

    /// The options fuzzed runs use: a short horizon and a small work limit keep each run
    /// to milliseconds; a run over the limit is refused, which is a clean outcome too.
    static let options = ScenarioRunner.Options(
        sampleInterval: Ticks.perSecond, horizon: 20 * Ticks.perSecond, limits: RunLimits(maximumEvents: 50_000))

    func testMutatedScenariosFailCleanlyOrRun() throws {
        let folder = ScenarioJSON.scenariosFolder
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertFalse(texts.isEmpty)
        let profile = try ProfileStore.load("aws-2024")
        var random = TestRandom(seed: 6)
        var outcomes = (rejected: 0, refused: 0, ran: 0)
        // A debug build runs a fifth of the mutations; the release job runs all of them.
        let trials = LongTest.cases(optimized: 5_000, debug: 1_000)
        for trial in 0..<trials {
            let original = texts[trial % texts.count]
            let text = Self.mutate(original, &random)
            switch ScenarioJSON.load(text, file: "fuzz.json") {
            case .failure(let error):
                XCTAssertFalse(error.problems.isEmpty, text)
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "fuzz.json" && !$0.message.isEmpty }, error.description)
                outcomes.rejected += 1
            case .success(let scenario):
                do {
                    try ScenarioRunner.checkSize(of: scenario, profile: profile, options: Self.options, file: "fuzz.json")
                } catch {
                    XCTAssertTrue(error.description.hasPrefix("fuzz.json: "), error.description)
                    outcomes.refused += 1
                    continue
                }
                let result = ScenarioRunner.run(scenario, profile: profile, options: Self.options)
                XCTAssertLessThanOrEqual(result.summary.endTime, Self.options.horizon!, text)
                XCTAssertLessThanOrEqual(Double(result.summary.simulatedEvents), 50_000 * 4, "estimate far too low for:\n\(text)")
                let last = try XCTUnwrap(result.rows.last)
                XCTAssertEqual(last.producedTotal, last.processedTotal + last.offsetLagSum + last.recordsDropped, text)
                outcomes.ran += 1
            }
        }
        // The mutations must exercise all three outcomes, or the test proves little.
        XCTAssertGreaterThan(outcomes.rejected, trials / 5)
        XCTAssertGreaterThan(outcomes.ran, trials * 6 / 100)
        // Refusals are rare (about 3 in 1,000 mutations): the debug fifth asks for one, the
        // release job for its share, so which scenarios the rotation pairs with which
        // mutation (a new shipped scenario shifts it) does not decide the debug outcome.
        XCTAssertGreaterThan(outcomes.refused, LongTest.cases(optimized: trials / 500, debug: 0))
    }

    /// One random mutation of scenario text: structural (on the parsed tree) or textual.
    static func mutate(_ text: String, _ random: inout TestRandom) -> String {
        if random.chance(0.2) {
            var bytes = Array(text.utf8)
            switch random.int(0...2) {
            case 0: bytes = Array(bytes.prefix(random.int(0...bytes.count)))
            case 1: if !bytes.isEmpty { bytes.remove(at: random.int(0...bytes.count - 1)) }
            default: bytes.insert(random.pick(Array("{}[],:\"0-e.x".utf8)), at: random.int(0...bytes.count))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard var tree = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return text }
        for _ in 0..<random.int(1...3) { tree = mutateValue(tree, &random) }
        return ScenarioJSON.serialise(tree)
    }

    /// Mutates one randomly chosen node below `value`.
    static func mutateValue(_ value: Any, _ random: inout TestRandom) -> Any {
        if var object = value as? [String: Any], !object.isEmpty, random.chance(0.75) {
            let key = random.pick(object.keys.sorted())
            switch random.int(0...9) {
            case 0: object[key] = nil
            case 1:
                var misspelt = Array(key)
                misspelt.swapAt(0, random.int(0...misspelt.count - 1))
                let moved = object.removeValue(forKey: key)
                object[String(misspelt) + random.pick(["", "s", "X"])] = moved
            default: object[key] = mutateValue(object[key]!, &random)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty, random.chance(0.75) {
            let index = random.int(0...array.count - 1)
            if random.chance(0.2) { array.remove(at: index) } else { array[index] = mutateValue(array[index], &random) }
            return array
        }
        if value is NSNumber && !(value is Bool) && random.chance(0.7) { return random.pick(edgeNumbers) }
        return random.pick(edgeNumbers + wrongTypes)
    }
}
