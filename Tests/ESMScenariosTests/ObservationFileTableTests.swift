import XCTest
@testable import ESMFormats
@testable import ESMStudies

/// Bad rows of the CSV files users write for `calibrate`, `fidelity` and `check`, each
/// refused with the exact `file:line:column: path: message` it must print.
final class ObservationFileTableTests: XCTestCase {
    static let header = ObservationFile.columns.joined(separator: ",")

    /// Every problem of one observation row, as printed.
    private func observationProblems(_ rows: String, folder: String = "/tmp", check: Bool = false) -> String? {
        do {
            _ = try ObservationFile.parse(Self.header + "\n" + rows, file: "obs.csv", folder: folder, checkScenarioFiles: check)
            return nil
        } catch {
            return error.description
        }
    }

    func testBadObservationRowsArePositioned() {
        let cases: [(name: String, row: String, message: String)] = [
            ("unknown metric", "s.json,drain_tme_s,1,1,,x", "obs.csv:2:8: metric: unknown metric \"drain_tme_s\" (did you mean drain_time_s?); expected one of "),
            ("figure with a unit", "s.json,drain_time_s,120s,1,,x", "obs.csv:2:21: observed: \"120s\" is not a number (write the number alone, without \"s\": the column's unit is fixed); expected the observed figure, 0 or more, in the metric's unit"),
            ("NaN", "s.json,drain_time_s,nan,1,,x", "obs.csv:2:21: observed: \"nan\" is not a number; expected the observed figure"),
            ("negative", "s.json,drain_time_s,-5,1,,x", "obs.csv:2:21: observed: -5 is out of range; expected the observed figure, 0 or more"),
            ("missing figure", "s.json,drain_time_s,,1,,x", "obs.csv:2:21: observed: missing; expected the observed figure"),
            ("zero tolerance", "s.json,drain_time_s,1,0,,x", "obs.csv:2:23: tolerance: 0 is out of range; expected a positive number"),
            ("infinite tolerance", "s.json,drain_time_s,1,inf,,x", "obs.csv:2:23: tolerance: \"inf\" is not a number; expected a positive number"),
            ("truncated row", "s.json,drain_time_s,1", "obs.csv:2:22: expected 6 cells (scenario,metric,observed,tolerance,profile,source), found 3; is the row cut short?"),
            ("unquoted comma", "s.json,drain_time_s,1,1,,blog, 2021", "obs.csv:2:31: expected 6 cells (scenario,metric,observed,tolerance,profile,source), found 7; quote a cell that holds a comma"),
            ("no scenario", ",drain_time_s,1,1,,x", "obs.csv:2:1: scenario: missing; name the scenario file the observation is of"),
            ("quoted cells keep columns", "\"s.json\",\"drain_time_s\",\"x\",1,,x", "obs.csv:2:25: observed: \"x\" is not a number"),
            ("duplicate", "s.json,drain_time_s,1,1,,x\ns.json,drain_time_s,2,1,,y", "obs.csv:3:8: metric: drain_time_s of s.json is observed twice (also at line 2); keep one row, or the figure counts double in a fit"),
            ("missing series file", "s.json,OffsetLag,nowhere.csv,5,,x", "obs.csv:2:18: observed: the OffsetLag series nowhere.csv cannot be read: 1 problem below\n/tmp/nowhere.csv: cannot read the time series file: no such file"),
        ]
        for (name, row, message) in cases {
            guard let problems = observationProblems(row + "\n") else {
                XCTFail("\(name): accepted \(row)")
                continue
            }
            XCTAssertTrue(problems.hasPrefix(message), "\(name): \(problems)")
        }
    }

    func testWholeFileProblems() {
        let cases: [(text: String, message: String)] = [
            ("", "obs.csv: the observation file is empty; expected the header scenario,metric,observed,tolerance,profile,source"),
            ("scenario,metric,observed\n", "obs.csv:1:25: expected the header scenario,metric,observed,tolerance,profile,source, found scenario,metric,observed"),
            ("scenario,metric,value,tolerance,profile,source\n", "obs.csv:1:17: expected the header scenario,metric,observed,tolerance,profile,source, found scenario,metric,value,tolerance,profile,source"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ObservationFile.parse(text, file: "obs.csv", folder: "/tmp")) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    /// A series file's own problems follow the row naming it, at their places in that file;
    /// problems of several rows come in file order.
    func testSeriesProblemsFollowTheirRow() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try "timestamp,OffsetLag\n2026-11-02T00:01:00Z,5\n2026-11-02T00:00:00Z,6\n2026-11-02T00:02:00Z,7\n".write(toFile: folder + "/lag.csv", atomically: false, encoding: .utf8)
        try "{\"MetricDataResults\": [{\"Id\": \"m\", \"Timestamps\": [\"2026-11-02T00:00:00Z\"], \"Values\": [1, 2]}]}".write(toFile: folder + "/lag.json", atomically: false, encoding: .utf8)
        try "{}".write(toFile: folder + "/s.json", atomically: false, encoding: .utf8)
        try "timestamp,Throttles\n2026-11-02T00:00:00Z,5\n2026-11-02T00:01:00Z,6\n".write(toFile: folder + "/throttles.csv", atomically: false, encoding: .utf8)
        let rows = "s.json,OffsetLag,lag.csv,5,,x\ns.json,Invocations,throttles.csv,5,,x\ns.json,max_concurrency,lots,1,,x\ns.json,ConcurrentExecutions,lag.json,5,,x\nmissing.json,max_concurrency,1,1,,x\n"
        let problems = observationProblems(rows, folder: folder, check: true)
        XCTAssertEqual(problems, """
            obs.csv:2:18: observed: the OffsetLag series lag.csv cannot be read: 1 problem below
            \(folder)/lag.csv:4:1: timestamp: timestamps out of order: 2026-11-02T00:02:00Z follows 2026-11-02T00:00:00Z in a series running newest first; sort the rows
            obs.csv:3:20: observed: the Invocations series throttles.csv cannot be read: 1 problem below
            \(folder)/throttles.csv: the series is labelled "Throttles", which is Throttles, not Invocations; give the file of Invocations, or name the metric Throttles
            obs.csv:4:24: observed: "lots" is not a number; expected the observed figure, 0 or more, in the metric's unit
            obs.csv:5:29: observed: the ConcurrentExecutions series lag.json cannot be read: 1 problem below
            \(folder)/lag.json:1:86: MetricDataResults[0].Values: 2 values for 1 timestamps; Values[i] pairs with Timestamps[i]
            obs.csv:6:1: scenario: cannot read the scenario file \(folder)/missing.json: no such file
            """)
    }

    /// A series wholly outside its scenario's span cannot be fitted: the empty comparison
    /// would look perfect.
    func testCalibrationRefusesASeriesOutsideItsScenario() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try TrafficScenarioTests.incident.write(toFile: folder + "/incident.json", atomically: false, encoding: .utf8)
        try "timestamp,OffsetLag\n2026-11-01T08:00:00Z,1\n2026-11-01T08:01:00Z,2\n".write(toFile: folder + "/early.csv", atomically: false, encoding: .utf8)
        let observations = try ObservationFile.parse(Self.header + "\nincident.json,OffsetLag,early.csv,5,,x\n", file: "obs.csv", folder: folder)
        XCTAssertThrowsError(try Calibrator(observations: observations, profileName: "aws-2024")) { error in
            XCTAssertEqual("\(error)", "\(folder)/early.csv:2:1: no point falls within the simulated span of incident.json, 2026-11-02T12:30:00Z to 2026-11-02T14:30:00Z (its startTime and horizon); the series runs from 2026-11-01T08:00:00Z to 2026-11-01T08:01:00Z")
        }
        XCTAssertThrowsError(try Calibrator(observations: observations.map { var other = $0; other.profile = "aws-2021"; return other }, profileName: "aws-2024")) { error in
            XCTAssertEqual("\(error)", "--profile: no observation applies to profile aws-2024: every row names another profile")
        }
    }

    func testBadSizingRowsArePositioned() {
        let header = SizingExample.columns.joined(separator: ",")
        let cases: [(row: String, message: String)] = [
            ("a.json,speed,1,at_most,,x", "s.csv:2:8: metric: unknown metric \"speed\"; expected one of "),
            ("a.json,records_per_second,1,roughly,,x", "s.csv:2:29: rule: \"roughly\" must be at_most or equal"),
            ("a.json,records_per_second,1,equal,,x", "s.csv:2:35: tolerance: missing; expected a positive number for rule equal"),
            ("a.json,records_per_second,-1,equal,1,x", "s.csv:2:27: aws_figure: -1 is out of range; expected AWS's figure, a positive number"),
            ("a.json,records_per_second,5 MB/s,at_most,,x", "s.csv:2:27: aws_figure: \"5 MB/s\" is not a number (write the number alone, without \"MB/s\": the column's unit is fixed)"),
            ("a.json,records_per_second", "s.csv:2:26: expected 6 cells (scenario,metric,aws_figure,rule,tolerance,source), found 2; is the row cut short?"),
            ("a.json,records_per_second,1,at_most,,x\na.json,records_per_second,2,at_most,,y", "s.csv:3:8: metric: records_per_second of a.json appears twice (also at line 2); keep one row"),
        ]
        for (row, message) in cases {
            XCTAssertThrowsError(try SizingExample.parse(header + "\n" + row + "\n", file: "s.csv", folder: "/")) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
            }
        }
    }

    func testBadBaselinesArePositioned() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let cases: [(text: String, message: String)] = [
            ("drain_time_s\n", "b.csv:1:1: the first row must be the header, starting with scenario"),
            ("scenario,drain_time_s\na,1,2\n", "b.csv:2:5: 3 cells under 2 columns"),
            ("scenario,drain_time_s\na,1\na,2\n", "b.csv:3:1: scenario: a appears twice"),
            ("scenario,peak_offset_lag,drain_time_s\na,5,NaN\n", "b.csv:2:5: drain_time_s: \"NaN\" is not a number"),
        ]
        for (text, message) in cases {
            try text.write(toFile: folder + "/b.csv", atomically: false, encoding: .utf8)
            XCTAssertThrowsError(try Baseline.read(path: folder + "/b.csv")) { error in
                XCTAssertEqual("\(error)", folder + "/" + message)
            }
        }
    }

    func testCSVCellColumnsCountQuotesAndLines() {
        let rows = CSVReader.rows("a,\"b,c\",d\r\n\"x\ny\",z\n\n1,,\"\"\"q\"\n")
        XCTAssertEqual(rows.map(\.line), [1, 2, 5])
        XCTAssertEqual(rows.map(\.columns), [[1, 3, 9], [1, 4], [1, 3, 4]])
        XCTAssertEqual(rows[2].cells, ["1", "", "\"q"])
        XCTAssertEqual(rows[1].column(2), 5)
    }
}
