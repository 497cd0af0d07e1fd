import Foundation
import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMStudies
@testable import ESMCharts

/// The red team as tables: every hostile input of a kind (each number a user can give at
/// every edge and far past it, wrong types, broken distributions, absurd profile
/// constants, damaged JSON, hostile observation rows, output paths) with the outcome the
/// documented ranges call for. Each case must end in its expected class, never a crash,
/// hang or silent wrong result; the tally is printed
/// (`swift test --filter RedTeamTableTests 2>&1 | grep red-team`).
final class RedTeamTableTests: XCTestCase {
    /// How a case ended.
    enum Outcome: String, CaseIterable {
        case refusedWithPosition = "refused, message at file:line:column: path"
        case refusedWholeFile = "refused, message naming the file"
        case refusedTooLarge = "refused before running: too large"
        case ranCorrectly = "ran; records conserved, figures finite"
        case accepted = "accepted (nothing to run)"
    }

    /// Runs are kept to milliseconds: a short horizon and a small work limit.
    static let options = ScenarioRunner.Options(
        sampleInterval: Ticks.perSecond, horizon: 30 * Ticks.perSecond, limits: RunLimits(maximumEvents: 50_000))

    /// Numbers on and past every documented edge.
    static let hostileNumbers: [Double] = [
        -1e300, -1, 0, 0.0005, 0.5, 1, 2, 60, 100, 128, 200, 300, 301, 10_000, 10_001, 10_240, 10_241,
        604_800, 840_000, 840_001, 1_000_000, 1_000_001, 6_291_456, 6_291_457, 31_622_400, 31_622_401,
        1e9, 1e9 + 1, 1e15, 1e15 + 2, 9_007_199_254_740_992, 1e300,
    ]
    /// Values of the wrong type.
    static var wrongTypes: [Any] { ["12", true, NSNull(), [Any](), [String: Any]()] }

    /// Every number field of a scenario, with the range and wholeness README documents.
    static let scenarioFields: [(path: String, range: ClosedRange<Double>, whole: Bool)] = [
        ("seed", 0...9_007_199_254_740_992, true),
        ("horizonSeconds", 1...31_622_400, false),
        ("topic.partitions", 1...1_000_000, true),
        ("topic.recordSizeBytes", 1...6_291_456, false),
        ("topic.backlogRecords", 0...1e15, true),
        ("topic.hotPartitionShare", 0...1, false),
        ("producer.recordsPerSecond", 0...1e9, false),
        ("producer.durationSeconds", 0...31_622_400, false),
        ("function.durationMs", 0.001...840_000, false),
        ("function.memoryMB", 128...10_240, true),
        ("function.errorProbability", 0...1, false),
        // 0...1,000,000, and at most accountConcurrency (1,000 by default).
        ("function.reservedConcurrency", 0...1_000, true),
        // 1...1,000,000, and at least reservedConcurrency (20 in the base scenario).
        ("function.accountConcurrency", 20...1_000_000, true),
        ("eventSourceMapping.BatchSize", 1...10_000, true),
        ("eventSourceMapping.MaximumBatchingWindowInSeconds", 0...300, true),
        ("eventSourceMapping.MaximumRetryAttempts", -1...10_000, true),
    ]

    /// Outcomes per table, across the class's tests (XCTest runs them one after another).
    nonisolated(unsafe) static var tally: [String: [Outcome: Int]] = [:]

    override class func tearDown() {
        var total: [Outcome: Int] = [:]
        for (_, counts) in tally { for (outcome, count) in counts { total[outcome, default: 0] += count } }
        let lines = tally.keys.sorted().map { table in
            "red-team \(table): " + Outcome.allCases.compactMap { outcome in tally[table]?[outcome].map { "\($0) \(outcome.rawValue)" } }.joined(separator: "; ")
        }
        print((lines + ["red-team total \(total.values.reduce(0, +)) cases: " + Outcome.allCases.map { "\(total[$0, default: 0]) \($0.rawValue)" }.joined(separator: "; ")]).joined(separator: "\n"))
        super.tearDown()
    }

    func count(_ table: String, _ outcome: Outcome) { Self.tally[table, default: [:]][outcome, default: 0] += 1 }

    /// Loads `text` and runs what loads; returns the outcome, failing the test on any
    /// message without a position or any run that breaks conservation.
    func loadAndRun(_ text: String, profile: BehaviourProfile? = nil, _ label: String) -> (Outcome, DiagnosticError?) {
        switch ScenarioJSON.load(text, file: "red.json") {
        case .failure(let error):
            XCTAssertTrue(error.problems.allSatisfy { $0.file == "red.json" && !$0.message.isEmpty }, "\(label): \(error)")
            return (error.problems.allSatisfy { $0.line > 0 } ? .refusedWithPosition : .refusedWholeFile, error)
        case .success(let scenario):
            let profile = profile ?? (try! ProfileStore.load("aws-2024"))
            do {
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: Self.options, file: "red.json")
            } catch {
                return (.refusedTooLarge, error)
            }
            let result = ScenarioRunner.run(scenario, profile: profile, options: Self.options)
            let last = result.rows.last!
            XCTAssertEqual(last.producedTotal, last.processedTotal + last.offsetLagSum + last.recordsDropped, label)
            XCTAssertTrue(result.summary.epuSeconds >= 0, label)
            XCTAssertLessThanOrEqual(result.summary.endTime, Self.options.horizon!, label)
            return (.ranCorrectly, nil)
        }
    }

    /// Every number field at every hostile value, and every wrong type: accepted exactly
    /// when the documented range (and wholeness) allows, refused at the field otherwise.
    func testScenarioNumbers() {
        for field in Self.scenarioFields {
            for value in Self.hostileNumbers {
                let allowed = field.range.contains(value) && (!field.whole || value == value.rounded())
                let (outcome, error) = loadAndRun(ScenarioJSON.text([(field.path, value)]), "\(field.path) = \(value)")
                if allowed {
                    XCTAssertTrue([.ranCorrectly, .refusedTooLarge].contains(outcome), "\(field.path) = \(value): \(error.map(\.description) ?? "")")
                } else {
                    XCTAssertEqual(outcome, .refusedWithPosition, "\(field.path) = \(value) was accepted")
                    // At the field, or at the field it conflicts with, naming it.
                    let key = String(field.path.split(separator: ".").last!)
                    XCTAssertTrue(error?.problems.contains { $0.path == field.path || $0.message.contains(key) } ?? false, "\(field.path) = \(value): \(error.map(\.description) ?? "")")
                    XCTAssertFalse(error?.description.contains(".0 ") ?? false, "unformatted number: \(error!.description)")
                }
                count("scenario numbers", outcome)
            }
            for value in Self.wrongTypes {
                let (outcome, _) = loadAndRun(ScenarioJSON.text([(field.path, value)]), "\(field.path) = \(value)")
                XCTAssertEqual(outcome, .refusedWithPosition, "\(field.path) = \(value)")
                count("scenario wrong types", outcome)
            }
        }
    }

    /// Distributions are checked on every parameter, and a duration past the 14-minute
    /// timeout is a failed invocation, not a successful long one.
    func testDistributions() {
        let cases: [(value: Any, accepted: Bool)] = [
            (["distribution": "normal", "mean": 100, "standardDeviation": 20], true),
            (["distribution": "normal", "mean": 100, "standardDeviation": 1e12], false),
            (["distribution": "normal", "mean": 100, "standardDeviation": -1], false),
            (["distribution": "normal", "mean": 1e12, "standardDeviation": 1], false),
            (["distribution": "uniform", "low": 10, "high": 5], false),
            (["distribution": "uniform", "low": 10, "high": 50], true),
            (["distribution": "uniform", "low": -10, "high": 50], false),
            (["distribution": "exponential", "mean": 0], false),
            (["distribution": "exponential", "mean": 50], true),
            (["distribution": "lognormal", "mu": 3, "sigma": 0.5], true),
            (["distribution": "lognormal", "mu": 45, "sigma": 0.1], false),
            (["distribution": "lognormal", "mu": 3, "sigma": 9], false),
            (["distribution": "lognormal", "mu": -40, "sigma": 0.1], false),
            (["distribution": "empirical", "values": [10, 20, 30]], true),
            (["distribution": "empirical", "values": [Any]()], false),
            (["distribution": "empirical", "values": [10, -20]], false),
            (["distribution": "empiricalCDF", "points": [[10, 0.5], [20, 1]]], true),
            (["distribution": "empiricalCDF", "points": [[20, 0.5], [10, 1]]], false),
            (["distribution": "empiricalCDF", "points": [[10, 0.5], [20, 0.9]]], false),
            (["distribution": "empiricalCDF", "points": [[10, 0.5], [20, 1.5]]], false),
            (["distribution": "gamma", "k": 2], false),
            (["distribution": "constant"], false),
            (["baseMs": 10, "perRecordMs": 1], true),
            (["baseMs": -10, "perRecordMs": 1], false),
            (["baseMs": 0, "perRecordMs": 0], false),
            (["baseMs": 900_000, "perRecordMs": 0], false),
        ]
        for field in ["function.durationMs", "topic.recordSizeBytes"] {
            for (value, accepted) in cases {
                let perRecord = (value as? [String: Any])?["baseMs"] != nil
                let (outcome, error) = loadAndRun(ScenarioJSON.text([(field, value)]), "\(field) = \(value)")
                if accepted && !(perRecord && field == "topic.recordSizeBytes") {
                    XCTAssertEqual(outcome, .ranCorrectly, "\(field) = \(value): \(error.map(\.description) ?? "")")
                } else {
                    XCTAssertEqual(outcome, .refusedWithPosition, "\(field) = \(value) was accepted")
                }
                count("distributions", outcome)
            }
        }
        // 100 records at 10 s each is 1,000 s, past the 840 s timeout: every invocation fails.
        let slow = ScenarioJSON.text([("function.durationMs", ["baseMs": 0, "perRecordMs": 10_000]), ("producer.recordsPerSecond", 0),
                                      ("topic.backlogRecords", 400), ("eventSourceMapping.MaximumRetryAttempts", 0)])
        let scenario = try! ScenarioJSON.load(slow).get()
        let result = ScenarioRunner.run(scenario, profile: try! ProfileStore.load("aws-2024"), options: .init(sampleInterval: Ticks.perSecond, horizon: 3_600 * Ticks.perSecond))
        XCTAssertGreaterThan(result.summary.errors, 0, "timed-out invocations must count as errors")
        XCTAssertEqual(result.summary.recordsProcessed, 0, "no batch may succeed past the timeout")
        count("distributions", .ranCorrectly)
    }

    /// Every profile constant at values in and far outside its range: refused at the
    /// constant outside it, and a profile that loads runs a scenario without overflow.
    func testProfileConstants() throws {
        // aws-2024-growth lists every constant, the ones only its growth mechanism reads too.
        let shipped = try XCTUnwrap(ProfileStore.shippedFile("aws-2024-growth")).text
        let scenario = try ScenarioJSON.load(ScenarioJSON.text()).get()
        for (index, constant) in ProfileConstant.catalog.enumerated() {
            XCTAssertTrue(constant.range.contains(constant.search.range.lowerBound) && constant.range.contains(constant.search.range.upperBound), constant.name)
            let values = [-1, 0, 0.5, constant.range.lowerBound, constant.range.upperBound, constant.range.upperBound * 10 + 1, 1e15, 1e300]
            for value in values {
                var tree = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shipped.utf8)) as? [String: Any])
                var constants = try XCTUnwrap(tree["constants"] as? [[String: Any]])
                let position = try XCTUnwrap(constants.firstIndex { $0["name"] as? String == constant.name })
                constants[position]["value"] = value
                tree["constants"] = constants
                let text = ScenarioJSON.serialise(tree)
                let allowed = constant.range.contains(value) && (!constant.isWhole || value == value.rounded())
                do throws(DiagnosticError) {
                    let profile = try ProfileStore.parse(text, file: "red-profile.json")
                    XCTAssertTrue(allowed, "\(constant.name) = \(value) was accepted")
                    if (try? ScenarioRunner.checkSize(of: scenario, profile: profile, options: Self.options, file: "red.json")) == nil {
                        count("profile constants", .refusedTooLarge)
                        continue
                    }
                    let result = ScenarioRunner.run(scenario, profile: profile, options: Self.options)
                    let last = result.rows.last!
                    XCTAssertEqual(last.producedTotal, last.processedTotal + last.offsetLagSum + last.recordsDropped, "\(constant.name) = \(value)")
                    // At most a few EPUs for four pollers, each billed at most its minimum (a day at most) past the run.
                    XCTAssertLessThanOrEqual(result.summary.epuSeconds, 8 * (Self.options.horizon! / Ticks.perSecond + 86_400), "\(constant.name) = \(value) bills absurdly")
                    count("profile constants", .ranCorrectly)
                } catch {
                    XCTAssertFalse(allowed, "\(constant.name) = \(value): \(error)")
                    XCTAssertTrue(error.problems.allSatisfy { $0.line > 0 && $0.path == "constants[\(position)].value" }, "\(index) \(error)")
                    count("profile constants", .refusedWithPosition)
                }
            }
        }
    }

    /// Damaged JSON text: refused with the line and column (in characters) of the damage.
    func testDamagedJSON() {
        let cases: [(text: [UInt8], line: Int, column: Int)] = [
            (Array("{\"name\": \"é\", \"seed\": x}".utf8), 1, 23),
            (Array("{\n  \"naïve\": 1,\n  \"naïve\": 2\n}".utf8), 3, 3),
            (Array("{\"a\": 1,}".utf8), 1, 9),
            (Array("{\"a\": NaN}".utf8), 1, 7),
            (Array("{\"a\": 1e999}".utf8), 1, 7),
            (Array("{\"a\": 01}".utf8), 1, 7),
            (Array("[".utf8) + Array(repeating: UInt8(ascii: "["), count: 300), 1, 257),
            (Array("{\"a\": \"\u{1}\"}".utf8), 1, 8),
            (Array("{\"a\": 1} x".utf8), 1, 10),
            (Array("".utf8), 1, 1),
            (Array("{\"a\": \"\\ud800\"}".utf8), 1, 14),
            (Array("{\"a\": tru}".utf8), 1, 7),
        ]
        for (text, line, column) in cases {
            let string = String(decoding: text, as: UTF8.self)
            switch ScenarioJSON.load(string, file: "red.json") {
            case .success: XCTFail("accepted \(string)")
            case .failure(let error):
                XCTAssertEqual(error.problems.first.map { [$0.line, $0.column] }, [line, column], "\(string): \(error)")
                count("damaged JSON", .refusedWithPosition)
            }
        }
        // Invalid UTF-8 bytes are reported at their line and column.
        for (bytes, line, column) in [([UInt8](Array("{\n \"é\": \"".utf8)) + [0xFF] + Array("\"}".utf8), 2, 8), ([0xC3, 0x28], 1, 1), (Array("ab\n\ncd".utf8) + [0xE2, 0x82], 3, 3)] {
            let position = TextFile.position(ofFirstInvalidByteIn: Data(bytes))
            XCTAssertEqual([position.line, position.column], [line, column])
            count("damaged JSON", .refusedWithPosition)
        }
    }

    /// Hostile rows of an observation file: each refused with its line.
    func testObservationRows() {
        let header = ObservationFile.columns.joined(separator: ",")
        let rows: [(row: String, accepted: Bool)] = [
            ("s.json,drain_time_s,1200,90,aws-2024,blog", true),
            ("s.json,drain_time_s,-5,90,aws-2024,blog", false),
            ("s.json,drain_time_s,nan,90,aws-2024,blog", false),
            ("s.json,drain_time_s,inf,90,aws-2024,blog", false),
            ("s.json,drain_time_s,1200,0,aws-2024,blog", false),
            ("s.json,drain_time_s,1200,-1,aws-2024,blog", false),
            ("s.json,drain_time_s,1200,inf,aws-2024,blog", false),
            ("s.json,drain_seconds,1200,90,aws-2024,blog", false),
            ("s.json,drain_time_s,1200,90,aws-2024", false),
            ("s.json,drain_time_s,1200,90,aws-2024,blog,extra", false),
            ("s.json,processed_total@60,100,5,,blog", true),
            ("s.json,processed_total@x,100,5,,blog", false),
            ("s.json,drain_time_s,1e400,90,aws-2024,blog", false),
        ]
        for (row, accepted) in rows {
            do {
                let observations = try ObservationFile.parse(header + "\n" + row + "\n", file: "obs.csv", folder: "/tmp")
                XCTAssertTrue(accepted, "accepted \(row)")
                XCTAssertEqual(observations.count, 1)
                count("observation rows", .accepted)
            } catch {
                XCTAssertFalse(accepted, "\(row): \(error)")
                XCTAssertTrue(error.description.hasPrefix("obs.csv:2:"), error.description)
                count("observation rows", .refusedWithPosition)
            }
        }
    }

    /// Output paths: only new paths and regular files are written.
    func testOutputTargets() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try "x".write(toFile: folder + "/regular.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: folder + "/regular.csv")
        let cases: [(path: String, writable: Bool)] = [
            ("", false), ("/dev/null", false), ("/dev/zero", false), (folder, false), (folder + "/", false),
            (folder + "/link.csv", false), (folder + "/regular.csv", true), (folder + "/new.csv", true), (folder + "/new/deeper/file.csv", true),
        ]
        for (path, writable) in cases {
            do {
                try AtomicFile.write("data\n", to: path)
                XCTAssertTrue(writable, "wrote \(path)")
                XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "data\n")
                count("output paths", .accepted)
            } catch {
                XCTAssertFalse(writable, "\(path): \(error)")
                count("output paths", .refusedWholeFile)
            }
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/regular.csv", encoding: .utf8), "data\n")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasSuffix(".tmp") })
    }
}
