@testable import ESMCharts
import ESMModel
import EventEngine
import Foundation
import XCTest

/// Every chart of a report shows the same time range, and each scenario the same colour.
final class ReportRangeTests: XCTestCase {
    /// The fixtures end at different times, so per-chart ranges would differ.
    let results = [ChartFixtures.onDemand, ChartFixtures.provisioned]

    func testEveryChartOfAReportHasTheSameTimeAxis() throws {
        XCTAssertNotEqual(RunChart.figure(for: results[0]).timeScale.endSeconds, RunChart.figure(for: results[1]).timeScale.endSeconds,
                          "on their own the two runs' charts span different times")
        for clocks in [[], [ChartClock(startEpochSecond: 1_714_565_250), ChartClock(startEpochSecond: 1_714_565_250)]] {
            let html = ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "range", clocks: clocks)
            let charts = try Self.charts(in: html)
            XCTAssertEqual(charts.count, 1 + results.count)
            let axes = charts.map { probe in
                Set(probe.elements.filter { $0.name == "text" && $0.attributes["class"] == "time-tick" }
                    .map { ($0.attributes["x"] ?? "") })
            }
            XCTAssertFalse(axes[0].isEmpty)
            for axis in axes { XCTAssertEqual(axis, axes[0], "tick positions differ between charts") }
            let frames = charts.map { Set($0.elements.filter { $0.name == "rect" && $0.attributes["fill"] == "none" }.map { ($0.attributes["x"] ?? "") + "+" + ($0.attributes["width"] ?? "") }) }
            for frame in frames { XCTAssertEqual(frame, frames[0], "plot widths differ between charts") }
            XCTAssertEqual(html.contains("Time since start (minutes)"), clocks.isEmpty)
        }
    }

    func testEachScenarioKeepsItsColourInEveryChart() throws {
        let charts = try Self.charts(in: ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "colours"))
        let comparison = charts[0]
        for (index, result) in results.enumerated() {
            let lines = comparison.elements("polyline", where: "data-series", is: result.summary.scenario)
            let colour = try XCTUnwrap(lines.first?.attributes["stroke"])
            XCTAssertEqual(Set(lines.compactMap { $0.attributes["stroke"] }), [colour])
            let own = charts[1 + index].elements.filter { $0.name == "polyline" }
            XCTAssertFalse(own.isEmpty)
            XCTAssertEqual(Set(own.compactMap { $0.attributes["stroke"] }), [colour], "\(result.summary.scenario) changes colour in its own chart")
            XCTAssertEqual(own.first { $0.attributes["data-series"] == "offset lag" }?.attributes["stroke-dasharray"],
                           lines.first?.attributes["stroke-dasharray"], "and dash")
        }
    }

    /// Each inline SVG of a report, parsed.
    static func charts(in html: String) throws -> [SVGProbe] {
        var probes: [SVGProbe] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            probes.append(try XCTUnwrap(SVGProbe.parse(String(rest[start.lowerBound..<end.upperBound]))))
            rest = rest[end.upperBound...]
        }
        return probes
    }
}
