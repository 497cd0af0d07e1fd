import ESMModel
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// The overlay chart and the HTML report of `esmsim compare`.
final class ComparisonReportTests: XCTestCase {
    let results = [ChartFixtures.onDemand, ChartFixtures.provisioned]

    func testComparisonOverlaysEveryScenarioInEveryPanel() throws {
        let svg = ComparisonChart.figure(for: results, title: "two runs").svg()
        let probe = try XCTUnwrap(SVGProbe.parse(svg))
        let panels = probe.elements.filter { $0.name == "g" && $0.attributes["class"] == "panel" }
        XCTAssertEqual(panels.map { $0.attributes["data-panel"] ?? "" }, [
            "Incoming records per second", "Offset lag (sum over partitions)", "Concurrent executions (max per interval)", "Pollers",
        ])
        XCTAssertTrue(probe.text.contains("No errors, throttles or dropped records in any run."))
        for result in results {
            let name = result.summary.scenario
            XCTAssertEqual(probe.elements("polyline", where: "data-series", is: name).count, 4, name)
            let legend = probe.elements.filter { $0.name == "text" && $0.attributes["class"] == "legend" }
            XCTAssertEqual(legend.count, results.count, "one short legend name per scenario")
            XCTAssertTrue(probe.text.contains(name), "legend names \(name)")
            XCTAssertTrue(probe.text.contains("\(result.summary.mode); \(RunChart.describe(result.summary))"), "legend details \(name)")
        }
        let drains = probe.elements("line", where: "data-marker", is: "drain").compactMap { $0.attributes["data-time-s"] }
        XCTAssertEqual(drains, results.compactMap { ChartFixtures.summaryCSVCell($0.summary, column: "drain_time_s") })
        let colors = Set(probe.elements.filter { $0.name == "polyline" }.compactMap { $0.attributes["stroke"] })
        XCTAssertEqual(colors.count, results.count, "one colour per scenario")
    }

    func testReportHoldsTheChartsInlineAndTheSummaryTable() throws {
        let html = ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "two <runs>")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n"))
        XCTAssertTrue(html.contains("<title>two &lt;runs&gt;</title>"))
        XCTAssertFalse(html.contains("<?xml"), "an XML declaration is not allowed inside HTML")
        // The comparison chart and one chart per run, each a complete SVG element.
        XCTAssertEqual(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1, 1 + results.count)
        XCTAssertEqual(html.components(separatedBy: "</svg>").count - 1, 1 + results.count)
        let tableStart = try XCTUnwrap(html.range(of: "<table class=\"summary\">"))
        let lastChart = try XCTUnwrap(html.range(of: "</svg>", options: .backwards))
        XCTAssertLessThan(lastChart.upperBound, tableStart.lowerBound, "the table sits under the charts")
        let table = String(html[tableStart.lowerBound...])
        for result in results {
            XCTAssertTrue(table.contains("<th>\(result.summary.scenario)</th>"))
        }
        for column in RunOutputs.summaryColumns where column != "scenario" {
            XCTAssertTrue(table.contains("<tr><th data-column=\"\(column)\">"), column)
        }
        let drainRow = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("<tr><th data-column=\"drain_time_s\">") })
        let expected = try results.map { result in
            let seconds = try XCTUnwrap(Double(try XCTUnwrap(ChartFixtures.summaryCSVCell(result.summary, column: "drain_time_s"))))
            return String(format: "%.2f", seconds / 60)
        }
        XCTAssertEqual(String(drainRow), "<tr><th data-column=\"drain_time_s\">Drain time</th><td class=\"unit\">min</td>"
            + expected.map { "<td>\($0)</td>" }.joined() + "</tr>")
    }

    func testReportFetchesNothing() {
        let html = ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "offline")
        for reference in ["<script", "<link", "<img", "src=", "url(", "@import"] {
            XCTAssertFalse(html.contains(reference), reference)
        }
        // The one address is the CSV download, carried inside the page.
        XCTAssertEqual(html.components(separatedBy: "href=").count - 1, 1)
        XCTAssertTrue(html.contains("href=\"data:text/csv;charset=utf-8,"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(withoutNamespace.contains("http"))
    }

    func testSameRunsGiveTheSameBytes() {
        XCTAssertEqual(ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "t"), ComparisonReport.html(for: results, costs: results.map(ChartFixtures.cost), title: "t"))
        let reordered = ComparisonChart.figure(for: results.reversed(), title: "t").svg()
        XCTAssertNotEqual(ComparisonChart.figure(for: results, title: "t").svg(), reordered, "order given is order drawn")
    }
}
