import XCTest
@testable import ESMFormats
@testable import ESMScenarios

/// Seeded fuzzing of the time series and duration-table readers: random damage to valid
/// files (cut short, characters dropped or inserted, lines swapped or repeated, numbers
/// made negative) must give either a well-formed result or a `DiagnosticError` whose
/// every problem names the file and says something.
final class SeriesParserFuzzTests: XCTestCase {
    static let cloudWatch = MetricSeriesTableTests.cloudWatch([
        ("MessagesInPerSec broker 1", ["2026-11-02T00:03:00+00:00", "2026-11-02T00:02:00+00:00", "2026-11-02T00:01:00+00:00", "2026-11-02T00:00:00+00:00"], [4.5, 3, 2, 1]),
        ("MessagesInPerSec broker 2", ["2026-11-02T00:03:00+00:00", "2026-11-02T00:02:00+00:00", "2026-11-02T00:01:00+00:00", "2026-11-02T00:00:00+00:00"], [40, 30, 20, 10]),
    ])
    static let csv = "timestamp,value\n2026-11-02T00:00:00Z,10\n2026-11-02T00:01:00Z,12.5\n1793577720,0\n2026-11-02T00:03:00Z,7\n"
    static let powerTuning = """
    {"results": {"power": 512, "cost": 0.0000028, "duration": 390.2,
      "stats": [{"value": 256, "averagePrice": 0.0000026, "averageDuration": 760.1},
                {"value": 512, "averagePrice": 0.0000028, "averageDuration": 390.2},
                {"value": 1024, "averagePrice": 0.0000029, "averageDuration": 205}]}}
    """
    static let table = "memoryMB,durationMs\n256,760\n512,390\n1024,205\n"

    static func mutate(_ text: String, _ random: inout TestRandom) -> String {
        var characters = Array(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch random.int(0...6) {
        case 0:
            return String(characters.prefix(random.int(0...characters.count)))
        case 1:
            let start = random.int(0...max(0, characters.count - 1))
            characters.removeSubrange(start..<min(characters.count, start + random.int(1...6)))
        case 2:
            let pieces = ["-", ",", "\"", "{", "]", "9", "e400", "\n", "null", "2026-13-40T99:99:99Z", "NaN", " "]
            characters.insert(contentsOf: pieces[random.int(0...pieces.count - 1)], at: random.int(0...characters.count))
        case 3 where lines.count > 2:
            lines.swapAt(random.int(1...lines.count - 1), random.int(1...lines.count - 1))
            return lines.joined(separator: "\n")
        case 4 where lines.count > 1:
            let line = random.int(0...lines.count - 1)
            lines.insert(lines[line], at: line)
            return lines.joined(separator: "\n")
        case 5:
            let digits = characters.indices.filter { characters[$0].isNumber }
            if !digits.isEmpty { characters.insert("-", at: digits[random.int(0...digits.count - 1)]) }
        default:
            let index = random.int(0...max(0, characters.count - 1))
            if !characters.isEmpty { characters[index] = Character(UnicodeScalar(UInt8(random.int(32...126)))) }
        }
        return String(characters)
    }

    func testDamagedSeriesFailCleanlyOrReadWellFormed() {
        var random = TestRandom(seed: 1_502)
        var outcomes = (read: 0, refused: 0)
        for trial in 0..<3_000 {
            let text = Self.mutate(trial % 2 == 0 ? Self.cloudWatch : Self.csv, &random)
            do {
                let series = try MetricSeriesReader.parse(text, file: "fuzz")
                XCTAssertFalse(series.points.isEmpty, text)
                XCTAssertTrue(zip(series.points, series.points.dropFirst()).allSatisfy { $0.time < $1.time }, text)
                XCTAssertTrue(series.points.allSatisfy { $0.value >= 0 && $0.value.isFinite }, text)
                _ = try? series.regular(gaps: .hold)
                outcomes.read += 1
            } catch {
                XCTAssertFalse(error.problems.isEmpty, text)
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "fuzz" && !$0.message.isEmpty && $0.line >= 0 }, error.description)
                outcomes.refused += 1
            }
        }
        XCTAssertGreaterThan(outcomes.read, 300, "the damage should leave many files readable")
        XCTAssertGreaterThan(outcomes.refused, 300)
    }

    func testDamagedDurationTablesFailCleanlyOrReadWellFormed() {
        var random = TestRandom(seed: 1_504)
        for trial in 0..<2_000 {
            let text = Self.mutate(trial % 2 == 0 ? Self.powerTuning : Self.table, &random)
            do {
                let table = try PowerTuningReader.parse(text, file: "fuzz")
                XCTAssertFalse(table.entries.isEmpty, text)
                XCTAssertTrue(zip(table.entries, table.entries.dropFirst()).allSatisfy { $0.memoryMB < $1.memoryMB }, text)
                XCTAssertTrue(table.entries.allSatisfy { (128...10_240).contains($0.memoryMB) && $0.durationMs > 0 }, text)
            } catch {
                XCTAssertFalse(error.problems.isEmpty, text)
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "fuzz" && !$0.message.isEmpty }, error.description)
            }
        }
    }
}
