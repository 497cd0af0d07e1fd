import XCTest
@testable import ESMFormats

/// The time series formats (get-metric-data JSON, timestamp,value CSV) and the clock:
/// good inputs read as documented, every bad one refused with its position.
final class MetricSeriesTableTests: XCTestCase {
    /// A get-metric-data output of `results`, each (label, timestamps, values).
    static func cloudWatch(_ results: [(String, [String], [Double])], token: String? = nil) -> String {
        let items = results.map { label, stamps, values in
            "    {\"Id\": \"\(label.lowercased())\", \"Label\": \"\(label)\", \"StatusCode\": \"Complete\",\n"
                + "     \"Timestamps\": [\(stamps.map { "\"\($0)\"" }.joined(separator: ", "))],\n"
                + "     \"Values\": [\(values.map { String($0) }.joined(separator: ", "))]}"
        }
        return "{\"MetricDataResults\": [\n" + items.joined(separator: ",\n") + "\n  ], \"NextToken\": \(token.map { "\"\($0)\"" } ?? "null"), \"Messages\": []}\n"
    }

    static let newestFirst = ["2026-11-02T00:02:00+00:00", "2026-11-02T00:01:00+00:00", "2026-11-02T00:00:00+00:00"]

    func testClockTimeReadsAndWritesISO8601() {
        let cases: [(String, Int64?)] = [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-11-02T00:00:00Z", 1_793_577_600_000),
            ("2026-11-02T01:00:00+01:00", 1_793_577_600_000),
            ("2026-11-01T19:00:00-0500", 1_793_577_600_000),
            ("2026-11-02 00:00:00", 1_793_577_600_000),
            ("2026-11-02T00:00:00.250Z", 1_793_577_600_250),
            ("2024-02-29T12:00:00Z", 1_709_208_000_000),
            ("2026-02-29T12:00:00Z", nil),
            ("2026-11-02T24:00:00Z", nil),
            ("2026-11-02", nil),
            ("2026-11-02T00:00:00Zjunk", nil),
            ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ClockTime.parse(text), expected, text)
        }
        XCTAssertEqual(ClockTime.iso8601(1_793_577_600_000), "2026-11-02T00:00:00Z")
        XCTAssertEqual(ClockTime.iso8601(1_793_577_600_250), "2026-11-02T00:00:00.250Z")
        XCTAssertEqual(ClockTime.iso8601(-1_000), "1969-12-31T23:59:59Z")
        XCTAssertEqual(ClockTime.hourMinute(1_793_577_600_000 + 13 * 3_600_000 + 5 * 60_000), "13:05")
        var random = TestRandom(seed: 15)
        for _ in 0..<2_000 {
            let time = Int64(random.next() % 20_000_000_000_000) - 10_000_000_000_000
            XCTAssertEqual(ClockTime.parse(ClockTime.iso8601(time)), time)
        }
    }

    func testCloudWatchNewestFirstResultsAreSummedOldestFirst() throws {
        let text = Self.cloudWatch([("MessagesInPerSec broker 1", Self.newestFirst, [3, 2, 1]), ("MessagesInPerSec broker 2", Self.newestFirst, [30, 20, 10])])
        let series = try MetricSeriesReader.parse(text, file: "t.json")
        XCTAssertEqual(series.points.map(\.value), [11, 22, 33])
        XCTAssertEqual(series.points.map(\.time), [0, 60_000, 120_000].map { 1_793_577_600_000 + $0 })
        XCTAssertEqual(series.label, "MessagesInPerSec broker 1 + MessagesInPerSec broker 2")
        XCTAssertEqual(series.period, 60_000)
        let chosen = try MetricSeriesReader.parse(text, file: "t.json", ids: ["messagesinpersec broker 2"])
        XCTAssertEqual(chosen.points.map(\.value), [10, 20, 30])
    }

    func testCSVWithAndWithoutHeaderISOAndEpoch() throws {
        let withHeader = try MetricSeriesReader.parse("timestamp,OffsetLag\n2026-11-02T00:00:00Z,5\n2026-11-02T00:05:00Z,7\n", file: "t.csv")
        XCTAssertEqual(withHeader.label, "OffsetLag")
        XCTAssertEqual(withHeader.period, 300_000)
        let epoch = try MetricSeriesReader.parse("1793577720,2\n1793577660,1.5\n", file: "t.csv")
        XCTAssertEqual(epoch.points.map(\.value), [1.5, 2])
        XCTAssertEqual(epoch.points.first?.time, 1_793_577_660_000)
        let milliseconds = try MetricSeriesReader.parse("1793577660000,1\n1793577720000,2\n", file: "t.csv")
        XCTAssertEqual(milliseconds.points.first?.time, 1_793_577_660_000)
    }

    /// Bad inputs: (name, text, expected `file:line:column: path: message` prefix or fragment).
    func testBadInputsAreRefusedWithPositions() {
        let t0 = "2026-11-02T00:00:00Z", t1 = "2026-11-02T00:01:00Z", t2 = "2026-11-02T00:02:00Z"
        let cases: [(String, String, String)] = [
            ("truncated JSON", "{\"MetricDataResults\": [{\"Id\": \"a\", \"Timestamps\": [\"\(t0)\"", "t:1:"),
            ("wrong shape", "{\"MetricDataResults\": {\"Id\": \"a\"}}", "t:1:23: MetricDataResults: expected an array, found an object"),
            ("missing results", "{\"Messages\": []}", "t:1:1: MetricDataResults: missing"),
            ("missing values", "{\"MetricDataResults\": [{\"Id\": \"a\", \"Timestamps\": []}]}", "t:1:24: MetricDataResults[0].Values: missing"),
            ("unknown field", "{\"MetricDataResults\": [{\"Id\": \"a\", \"Timestamps\": [], \"Values\": [], \"Unit\": \"Count\"}]}", "MetricDataResults[0].Unit: unknown field"),
            ("length mismatch", Self.cloudWatch([("a", [t0, t1], [1])]), "MetricDataResults[0].Values: 1 values for 2 timestamps"),
            ("bad timestamp", Self.cloudWatch([("a", [t0, "yesterday"], [1, 2])]), "MetricDataResults[0].Timestamps[1]: expected an ISO 8601 time"),
            ("negative", Self.cloudWatch([("a", [t0, t1], [1, -2])]), "MetricDataResults[0].Values[1]: -2 is negative"),
            ("duplicate", Self.cloudWatch([("a", [t0, t0], [1, 2])]), "duplicate timestamp 2026-11-02T00:00:00Z"),
            ("mixed order", Self.cloudWatch([("a", [t0, t2, t1], [1, 2, 3])]), "timestamps out of order: 2026-11-02T00:01:00Z follows 2026-11-02T00:02:00Z"),
            ("paged", Self.cloudWatch([("a", [t0, t1], [1, 2])], token: "abc"), "NextToken: the output is one page of several"),
            ("partial", Self.cloudWatch([("a", [t0, t1], [1, 2])]).replacingOccurrences(of: "Complete", with: "PartialData"), "StatusCode: PartialData"),
            ("unshared timestamps", Self.cloudWatch([("a", [t0, t1], [1, 2]), ("b", [t0, t2], [1, 2])]), "MetricDataResults[1]: b has no point at 2026-11-02T00:01:00Z"),
            ("no points", Self.cloudWatch([("a", [], [])]), "no points: the metric has no data"),
            ("unknown id", "{\"MetricDataResults\": []}", "no results"),
            ("csv short row", "\(t0),1\n\(t1)\n", "t:2:1: expected 2 cells (timestamp,value), found 1; is the file cut short?"),
            ("csv bad value", "\(t0),1\n\(t1),lots\n", "t:2:22: value: \"lots\" is not a number"),
            ("csv missing value", "\(t0),1\n\(t1),\n", "t:2:22: value: missing"),
            ("csv negative", "\(t0),1\n\(t1),-1\n", "t:2:22: value: -1 is negative"),
            ("csv bad time", "\(t0),1\nnoon,2\n", "t:2:1: timestamp: \"noon\" is not an ISO 8601 time"),
            ("csv unsorted", "\(t0),1\n\(t2),2\n\(t1),3\n", "t:3:1: timestamp: timestamps out of order"),
            ("csv duplicate", "\(t0),1\n\(t0),2\n", "t:2:1: timestamp: duplicate timestamp"),
            ("csv empty", "timestamp,value\n", "t: no points"),
            ("csv wide header", "a,b,c\n", "t:1:1: expected a header of two columns"),
        ]
        for (name, text, expected) in cases {
            do {
                let series = try MetricSeriesReader.parse(text, file: "t")
                XCTFail("\(name): accepted \(series.points.count) points")
            } catch {
                XCTAssertTrue(error.description.contains(expected), "\(name): \(error.description)")
            }
        }
        XCTAssertThrowsError(try MetricSeriesReader.parse(Self.cloudWatch([("a", [t0, t1], [1, 2])]), file: "t", ids: ["b"])) { error in
            XCTAssertTrue("\(error)".contains("no result has Id \"b\"; the ids are a"), "\(error)")
        }
    }

    func testGapsAreErrorsOrFilledAsAsked() throws {
        let series = try MetricSeriesReader.parse("2026-11-02T00:00:00Z,4\n2026-11-02T00:01:00Z,5\n2026-11-02T00:04:00Z,6\n2026-11-02T00:04:30Z,1\n", file: "g.csv")
        XCTAssertEqual(series.period, 30_000)
        let regular = try MetricSeriesReader.parse("2026-11-02T00:00:00Z,4\n2026-11-02T00:01:00Z,5\n2026-11-02T00:04:00Z,6\n", file: "g.csv")
        XCTAssertThrowsError(try regular.regular(gaps: .error)) { error in
            XCTAssertTrue("\(error)".hasPrefix("g.csv:3:1: gap: no point from 2026-11-02T00:02:00Z to 2026-11-02T00:03:00Z (2 missing"), "\(error)")
        }
        XCTAssertEqual(try regular.regular(gaps: .zero).map(\.value), [4, 5, 0, 0, 6])
        XCTAssertEqual(try regular.regular(gaps: .hold).map(\.value), [4, 5, 5, 5, 6])
        let uneven = try MetricSeriesReader.parse("2026-11-02T00:00:00Z,4\n2026-11-02T00:01:00Z,5\n2026-11-02T00:02:30Z,6\n", file: "u.csv")
        XCTAssertThrowsError(try uneven.regular(gaps: .zero)) { error in
            XCTAssertTrue("\(error)".contains("not a multiple of the series' period of 1 min"), "\(error)")
        }
        let single = try MetricSeriesReader.parse("2026-11-02T00:00:00Z,4\n", file: "s.csv")
        XCTAssertThrowsError(try single.regular(gaps: .zero))
    }
}
