import ESMModel
@testable import ESMBilling
@testable import ESMCharts
import EventEngine
import XCTest

/// The observed series of `compare --observed` drawn over a run: its own panel under the
/// incoming traffic, the observed line in its own style, a legend entry, catch-up markers,
/// and the error measures in the report.
final class ObservedOverlayTests: XCTestCase {
    /// An overlay of the fixture run's lag per minute, observed 1.5 times higher.
    static func overlay(of result: RunResult) -> ObservedOverlay {
        let minutes = result.rows.filter { $0.time % Ticks.seconds(60) == 0 }
        let middle = minutes[minutes.count / 2].time
        return ObservedOverlay(
            heading: "Offset lag: observed and simulated, Maximum per 1 min", valueLabel: "records",
            detail: "OffsetLag from lag.csv; mean absolute error 5",
            observed: minutes.map { ($0.time, Double($0.offsetLagSum) * 1.5) },
            simulated: minutes.map { ($0.time, Double($0.offsetLagSum)) },
            markers: [ChartMarker(kind: "observed-caught-up", time: middle, label: "observed caught up", color: ObservedOverlay.color)],
            measures: [.init(name: "Mean absolute error", value: "5 records"), .init(name: "Catch-up time difference", value: "-60 s")],
            dataFile: "observed-SumOffsetLag.csv")
    }

    static let noCost = CostBreakdown(epuHours: 0, epuCost: 0, billedRequests: 0, requestCost: 0, billedGBSeconds: 0, durationCost: 0)

    func testObservedPanelLegendAndStyle() throws {
        let result = ChartFixtures.provisioned
        let overlay = Self.overlay(of: result)
        let plain = ComparisonChart.figure(for: [result], title: "t")
        let figure = ComparisonChart.figure(for: [result], title: "t", observed: overlay)
        XCTAssertEqual(figure.panels.map(\.heading), [plain.panels[0].heading, overlay.heading] + plain.panels.dropFirst().map(\.heading))
        XCTAssertEqual(figure.legend.map(\.label), [result.summary.scenario, "observed"])
        let svg = try XCTUnwrap(SVGProbe.parse(figure.svg()))
        let observed = svg.elements("polyline", where: "data-series", is: "observed")
        XCTAssertEqual(observed.count, 1)
        XCTAssertEqual(SVGProbe.pointCount(observed[0]), overlay.observed.filter { Ticks.toSeconds($0.time) <= figure.timeScale.endSeconds }.count)
        XCTAssertEqual(observed[0].attributes["stroke"], ObservedOverlay.color)
        XCTAssertEqual(observed[0].attributes["stroke-dasharray"], ObservedOverlay.dash)
        XCTAssertNotEqual(observed[0].attributes["stroke"], ChartPalette.color(0), "the observed line does not look like the run")
        XCTAssertEqual(svg.elements("line", where: "data-marker", is: "observed-caught-up").count, 1)
        // The overlay panel's axis covers the observed peak, above the simulated one.
        let axis = figure.panels[1].axis
        XCTAssertGreaterThanOrEqual(axis.ticks.last ?? 0, overlay.observed.map(\.value).max()!)
        XCTAssertTrue(figure.layout().panels[1].texts.contains { $0.role == "heading" && $0.text == overlay.heading })
    }

    func testReportTablesTheMeasures() {
        let result = ChartFixtures.provisioned
        let html = ComparisonReport.html(for: [result], costs: [Self.noCost], title: "t", observed: Self.overlay(of: result))
        XCTAssertTrue(html.contains("<h2>Observed against simulated</h2>"), html)
        XCTAssertTrue(html.contains("<tr><th>Mean absolute error</th><td>5 records</td></tr>"))
        XCTAssertTrue(html.contains("<tr><th>Catch-up time difference</th><td>-60 s</td></tr>"))
        XCTAssertTrue(html.contains("<code>observed-SumOffsetLag.csv</code>"))
        XCTAssertFalse(ComparisonReport.html(for: [result], costs: [Self.noCost], title: "t").contains("Observed against simulated"))
    }
}
