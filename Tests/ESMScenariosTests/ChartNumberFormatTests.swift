@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import EventEngine
import XCTest

/// Tick and label formatting, and nice axis steps, as tables of literal cases.
final class ChartNumberFormatTests: XCTestCase {
    func testCompactCounts() {
        let cases: [(Double, String)] = [
            (0, "0"), (7, "7"), (950, "950"), (999, "999"), (1_000, "1k"), (1_500, "1.5k"),
            (12_340, "12.34k"), (250_000, "250k"), (999_999, "1M"), (1_000_000, "1M"),
            (1_250_000, "1.25M"), (20_000_000, "20M"), (2_500_000_000, "2.5B"),
            (3_000_000_000_000, "3T"), (0.5, "0.5"), (-1_500, "-1.5k"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(ChartNumberFormat.compactCount(value), expected, "\(value)")
        }
    }

    func testMinutes() {
        XCTAssertEqual(ChartNumberFormat.minutesValue(0), "0")
        XCTAssertEqual(ChartNumberFormat.minutesValue(2.5), "2.5")
        XCTAssertEqual(ChartNumberFormat.minutesValue(0.1 + 0.2), "0.3")
        XCTAssertEqual(ChartNumberFormat.minutes(Ticks.seconds(390)), "6.5 min")
        XCTAssertEqual(ChartNumberFormat.minutes(Ticks.seconds(600)), "10 min")
    }

    func testNiceAxes() {
        let cases: [(maximum: Double, minimumStep: Double, step: Double, upper: Double)] = [
            (20_000_000, 1, 5_000_000, 20_000_000),
            (20_800_000, 1, 5_000_000, 25_000_000),
            (104, 1, 25, 125),
            (12, 1, 5, 15),
            (11, 0, 2.5, 12.5),
            (17.4, 0, 5, 20),
            (3, 1, 1, 3),
            (0, 1, 1, 1),
            (0.37, 0, 0.1, 0.4),
            (7, 0, 2, 8),
        ]
        for item in cases {
            let axis = ChartAxis.covering(item.maximum, minimumStep: item.minimumStep)
            XCTAssertEqual(axis.step, item.step, accuracy: item.step * 1e-12, "step for \(item.maximum)")
            XCTAssertEqual(axis.upper, item.upper, accuracy: item.upper * 1e-12, "upper for \(item.maximum)")
            XCTAssertGreaterThanOrEqual(axis.upper, item.maximum)
            XCTAssertEqual(axis.ticks.first, 0)
            XCTAssertEqual(axis.ticks.count, axis.stepCount + 1)
        }
        XCTAssertEqual(ChartAxis.covering(21.75, targetTicks: 10).ticks.map(ChartNumberFormat.minutesValue),
                       ["0", "2.5", "5", "7.5", "10", "12.5", "15", "17.5", "20", "22.5"])
        XCTAssertEqual(ChartAxis.covering(20_800_000, minimumStep: 1).ticks.map(ChartNumberFormat.compactCount),
                       ["0", "5M", "10M", "15M", "20M", "25M"])
    }

    func testMarkupEscaping() {
        XCTAssertEqual(Markup.escape("a & b <c> \"d\" 'e'"), "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")
    }
}
