import XCTest
import Foundation

/// Traffic and observations through the built binary: `import --traffic` writes the
/// schedule and the clock, `run` shows clock time, `compare --observed` measures the
/// error, and bad series files exit 2 with their positions.
final class TrafficCommandTests: XCTestCase {
    static let mapping = RepositoryPaths.root + "/Scenarios/imports/get-event-source-mapping.json"

    /// Ten minutes of two brokers' MessagesInPerSec, newest first, with a burst.
    static var traffic: String {
        let minutes = Array((0..<10).reversed())
        let stamps = minutes.map { "2026-11-02T08:0\($0):00+00:00" }
        let rate: (Int) -> Double = { $0 == 3 || $0 == 4 ? 4_000 : 500 }
        return MetricSeriesTableTests.cloudWatch([
            ("MessagesInPerSec broker 1", stamps, minutes.map { rate($0) * 0.6 }),
            ("MessagesInPerSec broker 2", stamps, minutes.map { rate($0) * 0.4 }),
        ])
    }

    func testImportTrafficRunAndCompareWithObservedLag() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(Self.traffic, folder, "traffic.json")
        let imported = try BuiltCommand.run(["import", Self.mapping, "--traffic", "traffic.json", "--partitions", "8", "--durationMs", "20", "--out", "day"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.errors)
        XCTAssertTrue(imported.errors.contains("  traffic: 10 points at 1 min from traffic.json (MessagesInPerSec broker 1 + MessagesInPerSec broker 2), 2026-11-02T08:00:00Z to 2026-11-02T08:10:00Z; mean 1,200 records/s, peak 4,000 records/s; 3 schedule pieces"), imported.errors)
        XCTAssertEqual(imported.output, "wrote day/orders-consumer-orders.json\n")
        let scenario = try BuiltCommand.read(folder, "day/orders-consumer-orders.json")
        XCTAssertTrue(scenario.contains("\"startTime\": \"2026-11-02T08:00:00Z\""), scenario)
        XCTAssertTrue(scenario.contains("{\"startSeconds\": 180, \"durationSeconds\": 120, \"recordsPerSecond\": 4000}"), scenario)
        XCTAssertFalse(scenario.contains("recordsPerSecond\": 1000,"), "no default producer beside the traffic")

        let ran = try BuiltCommand.run(["run", "day/orders-consumer-orders.json", "--out", "results"], in: folder)
        XCTAssertEqual(ran.status, 0, ran.errors)
        let series = try BuiltCommand.read(folder, "results/orders-consumer-orders/timeseries.csv")
        XCTAssertTrue(series.hasPrefix("time_s,clock,produced_total,"), series)
        XCTAssertTrue(series.contains("\n300,2026-11-02T08:05:00Z,"), series)
        let summary = try BuiltCommand.read(folder, "results/orders-consumer-orders/summary.csv")
        XCTAssertTrue(summary.split(separator: "\n")[0].contains(",record_age_p99_s,caught_up_time_s,offset_lag_p50,offset_lag_p95,offset_lag_p99,epu_hours,"), summary)

        // The observed lag: the run's own, doubled, stamped at each minute's start.
        let rows = series.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var observed = "timestamp,OffsetLag\n"
        for (previous, row) in zip(rows, rows.dropFirst()) { observed += "\(previous[1]),\(2 * Int(row[4])!)\n" }
        try BuiltCommand.write(observed, folder, "lag.csv")
        let compared = try BuiltCommand.run(["compare", "day/orders-consumer-orders.json", "--observed", "lag.csv", "--out", "cmp"], in: folder)
        XCTAssertEqual(compared.status, 0, compared.errors)
        XCTAssertTrue(compared.output.contains("SumOffsetLag: \(rows.count - 1) observed points compared"), compared.output)
        XCTAssertTrue(compared.output.contains("  mean absolute error  "), compared.output)
        XCTAssertTrue(compared.output.contains("  caught up            observed "), compared.output)
        let overlay = try BuiltCommand.read(folder, "cmp/observed-SumOffsetLag.csv")
        XCTAssertTrue(overlay.hasPrefix("time_s,clock,observed_SumOffsetLag,simulated_SumOffsetLag\n0,2026-11-02T08:00:00Z,"), overlay)
        let pairs = overlay.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertTrue(pairs.allSatisfy { Double($0[2])! == 2 * Double($0[3])! }, overlay)

        // The chart draws the observed series over the simulated one, on the scenario's clock.
        let svg = try XCTUnwrap(SVGProbe.parse(try BuiltCommand.read(folder, "cmp/comparison.svg")))
        let observedLines = svg.elements("polyline", where: "data-series", is: "observed")
        XCTAssertEqual(observedLines.count, 1)
        XCTAssertEqual(SVGProbe.pointCount(observedLines[0]), pairs.count)
        XCTAssertEqual(svg.elements("g", where: "data-panel", is: "Offset lag, summed over partitions (OffsetLag): observed and simulated, Maximum per 1 min").count, 1)
        XCTAssertTrue(svg.text.contains("observed"), "legend entry")
        XCTAssertTrue(svg.text.contains("Time (UTC); the run starts 2026-11-02 08:00:00"), "clock axis")
        let report = try BuiltCommand.read(folder, "cmp/report.html")
        XCTAssertTrue(report.contains("<tr><th>Mean absolute error</th><td>"), report)
        XCTAssertTrue(report.contains("<tr><th>Catch-up time difference</th><td>"), report)

        // Without a startTime, the run starts at the first observed point and the axis shows that clock.
        let unclocked = scenario.replacingOccurrences(of: "\"startTime\": \"2026-11-02T08:00:00Z\",", with: "")
        XCTAssertNotEqual(unclocked, scenario)
        try BuiltCommand.write(unclocked, folder, "unclocked.json")
        let placed = try BuiltCommand.run(["compare", "unclocked.json", "--observed", "lag.csv", "--out", "cmp2"], in: folder)
        XCTAssertEqual(placed.status, 0, placed.errors)
        let placedSVG = try BuiltCommand.read(folder, "cmp2/comparison.svg")
        XCTAssertTrue(placedSVG.contains("the run starts 2026-11-02 08:00:00"), placedSVG)
        XCTAssertEqual(try BuiltCommand.read(folder, "cmp2/observed-SumOffsetLag.csv"), overlay)
    }

    func testBadTrafficAndObservationsExitTwoWithPositions() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write("timestamp,value\n2026-11-02T08:00:00Z,10\n2026-11-02T08:02:00Z,12\n2026-11-02T08:01:00Z,5\n", folder, "unsorted.csv")
        try BuiltCommand.write("2026-11-02T08:00:00Z,10\n2026-11-02T08:01:00Z,12\n2026-11-02T08:04:00Z,5\n", folder, "gappy.csv")
        try BuiltCommand.write(Self.traffic.replacingOccurrences(of: "MessagesInPerSec", with: "BytesInPerSec"), folder, "bytes.json")
        try BuiltCommand.write(String(Self.traffic.prefix(300)), folder, "cut.json")
        let cases: [([String], String)] = [
            (["--traffic", "unsorted.csv"], "unsorted.csv:4:1: timestamp: timestamps out of order: 2026-11-02T08:01:00Z follows 2026-11-02T08:02:00Z"),
            (["--traffic", "gappy.csv"], "gappy.csv:3:1: gap: no point from 2026-11-02T08:02:00Z to 2026-11-02T08:03:00Z"),
            (["--traffic", "bytes.json"], "bytes.json: the series is BytesInPerSec broker 1 + BytesInPerSec broker 2, bytes, and the traffic unit is records/s"),
            (["--traffic", "bytes.json", "--traffic-unit", "bytes/s"], "bytes.json: converting bytes to records needs the record size"),
            (["--traffic", "cut.json"], "cut.json:"),
        ]
        for (arguments, expected) in cases {
            let outcome = try BuiltCommand.run(["import", Self.mapping, "--out", "x"] + arguments, in: folder)
            XCTAssertEqual(outcome.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.errors.contains(expected), "\(arguments): \(outcome.errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/x"), "nothing written")
        }
        let filled = try BuiltCommand.run(["import", Self.mapping, "--traffic", "gappy.csv", "--traffic-gaps", "zero", "--out", "x"], in: folder)
        XCTAssertEqual(filled.status, 0, filled.errors)
        XCTAssertTrue(filled.errors.contains("2 missing points read as zero"), filled.errors)
        let bytes = try BuiltCommand.run(["import", Self.mapping, "--traffic", "bytes.json", "--traffic-unit", "bytes/s", "--recordSizeBytes", "500", "--out", "b"], in: folder)
        XCTAssertEqual(bytes.status, 0, bytes.errors)
        XCTAssertTrue(bytes.errors.contains("peak 8 records/s"), bytes.errors)

        try BuiltCommand.write(TrafficScenarioTests.incident, folder, "incident.json")
        let compared = try BuiltCommand.run(["compare", "incident.json", "--observed", "unsorted.csv", "--metric", "OffsetLag"], in: folder)
        XCTAssertEqual(compared.status, 2)
        XCTAssertTrue(compared.errors.contains("unsorted.csv:4:1: timestamp: timestamps out of order"), compared.errors)
        let unnamed = try BuiltCommand.run(["compare", "incident.json", "--observed", "gappy.csv"], in: folder)
        XCTAssertEqual(unnamed.status, 2)
        XCTAssertTrue(unnamed.errors.contains("gappy.csv: which metric is this? the file does not name its metric"), unnamed.errors)
        // A series wholly outside the scenario's span (its startTime and horizon) has nothing to compare.
        try BuiltCommand.write("timestamp,OffsetLag\n2026-11-03T08:00:00Z,1\n2026-11-03T08:01:00Z,2\n", folder, "tomorrow.csv")
        let outside = try BuiltCommand.run(["compare", "incident.json", "--observed", "tomorrow.csv", "--out", "never"], in: folder)
        XCTAssertEqual(outside.status, 2)
        XCTAssertEqual(outside.errors, "tomorrow.csv:2:1: no point falls within the simulated span of incident.json, 2026-11-02T12:30:00Z to 2026-11-02T14:30:00Z (its startTime and horizon); the series runs from 2026-11-03T08:00:00Z to 2026-11-03T08:01:00Z\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/never"), "nothing written")
        let badMetric = try BuiltCommand.run(["compare", "incident.json", "--observed", "gappy.csv", "--metric", "Lag"], in: folder)
        XCTAssertEqual(badMetric.status, 2)
        XCTAssertTrue(badMetric.errors.contains("--metric must be one of OffsetLag"), badMetric.errors)
    }
}
