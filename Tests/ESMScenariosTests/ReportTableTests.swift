@testable import ESMCharts
@testable import ESMScenarios
import ESMModel
import Foundation
import XCTest

/// The report's summary table reads for people; its CSV sits beside it unchanged.
final class ReportTableTests: XCTestCase {
    func testCellsAreFormattedForPeople() {
        let cases: [(ReportTable.Style, String, String)] = [
            (.count, "20000000", "20,000,000"), (.count, "950", "950"), (.count, "9023894.34", "9,023,894"),
            (.minutes(empty: "not drained"), "750.015", "12.50"), (.minutes(empty: "not drained"), "", "not drained"),
            (.minutes(empty: "never"), "", "never"), (.minutes(empty: ""), "90000", "1,500.00"),
            (.decimal(places: 3), "1.0277", "1.028"), (.decimal(places: 2), "1197.49", "1,197.49"),
            (.dollars, "1332", "$1,332.00"), (.dollars, "0.0042", "$0.0042"), (.dollars, "0", "$0.00"),
            (.text, "on-demand", "on-demand"), (.count, "n/a", "n/a"),
        ]
        for (style, cell, expected) in cases {
            XCTAssertEqual(style.format(cell), expected, "\(style) \(cell)")
        }
    }

    func testRowsHavePlainNamesAndUnitsAndUnknownColumnsStayReadable() {
        let lines = ReportTable.html(columns: ["scenario", "records_produced", "drain_time_s", "future_column"],
                                     runs: [["a&b", "1234567", "61.8", "abc123"], ["c", "5", "", "def456"]])
        XCTAssertTrue(lines.contains("<tr><th>quantity</th><th>unit</th><th>a&amp;b</th><th>c</th></tr>"))
        XCTAssertTrue(lines.contains("<tr><th data-column=\"records_produced\">Records produced</th><td class=\"unit\">records</td><td>1,234,567</td><td>5</td></tr>"))
        XCTAssertTrue(lines.contains("<tr><th data-column=\"drain_time_s\">Drain time</th><td class=\"unit\">min</td><td>1.03</td><td>not drained</td></tr>"))
        XCTAssertTrue(lines.contains("<tr><th data-column=\"future_column\">future_column</th><td class=\"unit\"></td><td>abc123</td><td>def456</td></tr>"))
    }

    func testEveryShippedColumnHasWording() {
        for column in RunOutputs.summaryColumns where column != "scenario" {
            XCTAssertNotNil(ReportTable.rows[column], column)
        }
    }

    func testTheCSVBesideTheTableIsSummaryCSV() throws {
        let results = [ChartFixtures.onDemand, ChartFixtures.provisioned]
        let costs = results.map(ChartFixtures.cost)
        let html = ComparisonReport.html(for: results, costs: costs, title: "csv")
        let expected = ComparisonReport.summaryCSV(results, costs: costs)
        for (result, cost) in zip(results, costs) {
            let own = RunOutputs.summaryCSV(result.summary, cost: cost).split(separator: "\n")
            XCTAssertTrue(expected.hasPrefix(String(own[0]) + "\n"))
            XCTAssertTrue(expected.contains(String(own[1]) + "\n"))
        }
        let prefix = "href=\"data:text/csv;charset=utf-8,"
        let start = try XCTUnwrap(html.range(of: prefix))
        let encoded = html[start.upperBound...].prefix { $0 != "\"" }
        XCTAssertEqual(String(encoded).removingPercentEncoding, expected, "the download holds the CSV")
        XCTAssertTrue(html.contains("<pre>" + Markup.escape(expected) + "</pre>"))
    }
}
