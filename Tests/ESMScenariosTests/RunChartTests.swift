import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import XCTest

/// The chart `esmsim run --charts` writes: well-formed, complete, marked where summary.csv says.
final class RunChartTests: XCTestCase {
    /// Long enough to show every sample of the fixture runs.
    let everything = Ticks.seconds(24 * 3600)

    func testChartIsWellFormedXMLTitledWithTheScenario() throws {
        let svg = RunChart.svg(for: ChartFixtures.provisioned)
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let probe = try XCTUnwrap(SVGProbe.parse(svg), "the chart is not well-formed XML")
        XCTAssertEqual(probe.elements.first?.name, "svg")
        XCTAssertTrue(probe.elements.contains { $0.name == "title" })
        XCTAssertTrue(probe.text.contains("small-min2"))
        XCTAssertTrue(probe.text.contains("records"), "the lag axis names its unit")
        XCTAssertTrue(probe.text.contains("Time since start (minutes)"))
    }

    func testOnePolylinePointPerSample() throws {
        let result = ChartFixtures.provisioned
        let probe = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: result, until: everything)))
        let polylines = probe.elements.filter { $0.name == "polyline" }
        XCTAssertEqual(polylines.map { $0.attributes["data-series"] ?? "" },
                       ["incoming", "processed", "offset lag", "concurrency", "pollers"])
        for polyline in polylines {
            // Rates are per interval, so they have one point fewer than there are samples.
            let isRate = ["incoming", "processed"].contains(polyline.attributes["data-series"] ?? "")
            XCTAssertEqual(SVGProbe.pointCount(polyline), result.rows.count - (isRate ? 1 : 0), polyline.attributes["data-series"] ?? "")
        }
    }

    func testPointsFollowTheSamples() throws {
        let result = ChartFixtures.provisioned
        let probe = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: result, until: everything)))
        let lag = try XCTUnwrap(probe.elements("polyline", where: "data-series", is: "offset lag").first)
        let points = (lag.attributes["points"] ?? "").split(separator: " ").map { pair in
            pair.split(separator: ",").compactMap { Double($0) }
        }
        // SVG's y grows downwards: the first sample holds the whole backlog, so it is the highest point.
        let heights = points.map { $0[1] }
        XCTAssertEqual(heights.min(), heights.first)
        XCTAssertEqual(points.map { $0[0] }, points.map { $0[0] }.sorted(), "time runs left to right")
        XCTAssertEqual(result.rows.first?.offsetLagSum, 200_000)
    }

    func testMarkedTimesMatchSummaryCSV() throws {
        let result = ChartFixtures.provisioned
        let summary = result.summary
        XCTAssertNotNil(summary.drainTime, "the fixture must drain for this test to mean anything")
        let probe = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: result)))
        let drainLines = probe.elements("line", where: "data-marker", is: "drain")
        let concurrencyLines = probe.elements("line", where: "data-marker", is: "max-concurrency")
        XCTAssertEqual(drainLines.count, 4, "drawn in every panel")
        XCTAssertEqual(concurrencyLines.count, 4, "drawn in every panel")
        let labels = probe.elements.filter { $0.name == "text" && $0.attributes["class"] == "marker-label" }
        XCTAssertEqual(labels.count, 2, "each moment labelled once, in its own panel")
        let drainCell = try XCTUnwrap(ChartFixtures.summaryCSVCell(summary, column: "drain_time_s"))
        let concurrencyCell = try XCTUnwrap(ChartFixtures.summaryCSVCell(summary, column: "time_to_max_concurrency_s"))
        XCTAssertFalse(drainCell.isEmpty)
        for line in drainLines { XCTAssertEqual(line.attributes["data-time-s"], drainCell) }
        for line in concurrencyLines { XCTAssertEqual(line.attributes["data-time-s"], concurrencyCell) }
        XCTAssertTrue(probe.text.contains("drained at \(ChartNumberFormat.minutes(try XCTUnwrap(summary.drainTime)))"))
        XCTAssertTrue(probe.text.contains("max concurrency \(summary.maxConcurrency) at"))
    }

    func testMarkerSitsWhereItsTimeFallsOnTheAxis() throws {
        let result = ChartFixtures.provisioned
        let probe = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: result, until: everything)))
        let drain = try XCTUnwrap(probe.elements("line", where: "data-marker", is: "drain").first)
        let lag = try XCTUnwrap(probe.elements("polyline", where: "data-series", is: "offset lag").first)
        // The drain line stands at or after the last sample with lag and before the first sample without.
        let points = (lag.attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        let drainX = try XCTUnwrap(Double(drain.attributes["x1"] ?? ""))
        let rows = result.rows
        for (row, point) in zip(rows, points) where row.offsetLagSum > 0 {
            XCTAssertLessThanOrEqual(point[0], drainX + 0.01)
        }
    }

    /// The chart is a function of the run: a second run of the scenario, and `esmsim run
    /// --charts` in another process, draw the same bytes, while a run that differs only in
    /// its backlog draws different ones (so the equalities can fail).
    func testSameRunGivesTheSameBytes() throws {
        let text = ChartFixtures.scenarioText(name: "again", backlog: 50_000, minimumPollers: 1)
        let first = RunChart.svg(for: try ChartFixtures.run(text))
        XCTAssertEqual(first, RunChart.svg(for: try ChartFixtures.run(text)))
        let larger = try ChartFixtures.run(ChartFixtures.scenarioText(name: "again", backlog: 60_000, minimumPollers: 1))
        XCTAssertNotEqual(first, RunChart.svg(for: larger), "the chart must draw the run, not only its name")

        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(text, folder, "again.json")
        let run = try BuiltCommand.run(["run", "again.json", "--charts", "--interval", "20", "--out", "out"], in: folder)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(try BuiltCommand.read(folder, "out/again/chart.svg"), first)
    }

    func testLongIdleTailIsCutAndSaidSo() throws {
        let result = ChartFixtures.onDemand
        let figure = RunChart.figure(for: result)
        let shownMinutes = figure.timeScale.endSeconds / 60
        XCTAssertLessThan(shownMinutes * 60, Ticks.toSeconds(result.summary.endTime),
                          "the on-demand fixture should run on long after it drains")
        let probe = try XCTUnwrap(SVGProbe.parse(figure.svg()))
        XCTAssertTrue(probe.text.contains("Shown: the first \(ChartNumberFormat.minutesValue(shownMinutes)) min of"))
        let lag = try XCTUnwrap(probe.elements("polyline", where: "data-series", is: "offset lag").first)
        let shownRows = result.rows.filter { Ticks.toSeconds($0.time) / 60 <= shownMinutes }
        XCTAssertEqual(SVGProbe.pointCount(lag), shownRows.count)
    }

    func testNamesWithMarkupCharactersAreEscaped() throws {
        let result = try ChartFixtures.run(ChartFixtures.scenarioText(name: "a&b <c>", backlog: 20_000, minimumPollers: 1))
        let svg = RunChart.svg(for: result)
        XCTAssertTrue(svg.contains("a&amp;b &lt;c&gt;"))
        let probe = try XCTUnwrap(SVGProbe.parse(svg))
        XCTAssertTrue(probe.text.contains("a&b <c>"))
    }
}
