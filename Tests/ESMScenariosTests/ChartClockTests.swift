@testable import ESMCharts
import ESMModel
import EventEngine
import XCTest

/// Clock-time axes: ticks on round wall-clock times, labelled HH:MM, when a scenario has a start time.
final class ChartClockTests: XCTestCase {
    /// 2024-05-01T12:07:30Z.
    let start: Int64 = 1_714_565_250

    func testTicksFallOnRoundClockTimes() {
        let scale = ChartTimeScale.covering(2 * 3_600, clock: ChartClock(startEpochSecond: start))
        XCTAssertEqual(scale.ticks.map(\.label), ["12:15", "12:30", "12:45", "13:00", "13:15", "13:30", "13:45", "14:00", "14:15"])
        XCTAssertEqual(scale.ticks.first?.seconds, 450, "12:15 is 7.5 min after the 12:07:30 start")
        XCTAssertEqual(scale.endSeconds, 7_650, "the axis ends at the first round time after the data")
        XCTAssertEqual(scale.title, "Time (UTC); the run starts 2024-05-01 12:07:30")
    }

    func testOffsetShiftsTheLabelsNotThePositions() {
        let utc = ChartTimeScale.covering(2 * 3_600, clock: ChartClock(startEpochSecond: start))
        let paris = ChartTimeScale.covering(2 * 3_600, clock: ChartClock(startEpochSecond: start, utcOffsetSeconds: 7_200))
        XCTAssertEqual(paris.ticks.map(\.seconds), utc.ticks.map(\.seconds))
        XCTAssertEqual(paris.ticks.first?.label, "14:15")
        XCTAssertEqual(paris.title, "Time (UTC+02:00); the run starts 2024-05-01 14:07:30")
        let newYork = ChartClock(startEpochSecond: start, utcOffsetSeconds: -(4 * 3_600 + 30 * 60))
        XCTAssertEqual(newYork.zoneName, "UTC-04:30")
    }

    func testSpacingFollowsTheSpan() {
        let clock = ChartClock(startEpochSecond: start)
        let cases: [(seconds: Double, labels: Int, step: Double, withSeconds: Bool)] = [
            (90, 10, 10, true), (20 * 60, 10, 120, false), (26 * 3_600, 10, 3 * 3_600, false),
        ]
        for (seconds, maximum, step, withSeconds) in cases {
            let scale = ChartTimeScale.covering(seconds, clock: clock)
            XCTAssertLessThanOrEqual(scale.ticks.count, maximum + 1, "\(seconds)")
            XCTAssertGreaterThanOrEqual(scale.endSeconds, seconds)
            for (earlier, later) in zip(scale.ticks, scale.ticks.dropFirst()) {
                XCTAssertEqual(later.seconds - earlier.seconds, step, "\(seconds)")
            }
            XCTAssertEqual(scale.ticks.allSatisfy { $0.label.count == (withSeconds ? 8 : 5) }, true, "\(seconds): \(scale.ticks.map(\.label))")
        }
        let week = ChartTimeScale.covering(7 * 86_400, clock: clock)
        XCTAssertEqual(week.ticks.first?.label, "05-02", "a week is labelled by day")
    }

    func testCivilDates() {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01"), (-1, "1969-12-31"), (951_782_400, "2000-02-29"), (1_714_521_600, "2024-05-01"),
            (4_107_542_399, "2100-02-28"), (-2_208_988_800, "1900-01-01"),
        ]
        for (second, date) in cases {
            XCTAssertEqual(ChartClock.date(second), date, "\(second)")
        }
        XCTAssertEqual(ChartClock.timeOfDay(-1, seconds: true), "23:59:59")
    }

    func testRunChartWithAStartTimeShowsClockTime() throws {
        let clock = ChartClock(startEpochSecond: start)
        let svg = RunChart.svg(for: ChartFixtures.provisioned, clock: clock)
        let probe = try XCTUnwrap(SVGProbe.parse(svg))
        let ticks = probe.elements.filter { $0.name == "text" && $0.attributes["class"] == "time-tick" }
        XCTAssertFalse(ticks.isEmpty)
        XCTAssertTrue(probe.text.contains("Time (UTC); the run starts 2024-05-01 12:07:30"))
        XCTAssertFalse(probe.text.contains("Time since start"))
        XCTAssertTrue(probe.text.contains("12:08:00"), "the 40-second fixture gets ticks every 5 s, with seconds")
        let withoutClock = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: ChartFixtures.provisioned)))
        XCTAssertTrue(withoutClock.text.contains("Time since start (minutes)"))
    }

    func testScenarioStartTimeGivesTheRunAClockTimeAxis() throws {
        let text = ChartFixtures.scenarioText(name: "clocked", backlog: 20_000, minimumPollers: 1)
            .replacingOccurrences(of: "\"name\": \"clocked\",", with: "\"name\": \"clocked\", \"startTime\": \"2024-05-01T12:07:30Z\",")
        let result = try ChartFixtures.run(text)
        XCTAssertNotNil(result.clock, "the fixture must carry its start time for this test to mean anything")
        let probe = try XCTUnwrap(SVGProbe.parse(RunChart.svg(for: result)))
        XCTAssertTrue(probe.text.contains("Time (UTC); the run starts 2024-05-01 12:07:30"))
        let report = ComparisonReport.html(for: [result, result], costs: [ChartFixtures.cost(result), ChartFixtures.cost(result)], title: "clocked")
        XCTAssertEqual(report.components(separatedBy: "the run starts 2024-05-01 12:07:30").count - 1, 3, "every chart of the report")
        XCTAssertFalse(report.contains("Time since start"))
    }

    func testStartBetweenSecondsShiftsTicks() throws {
        let clock = ChartClock(RunClock(startEpochMilliseconds: start * 1_000 + 500))
        XCTAssertEqual(clock.startEpochSecond, start)
        XCTAssertEqual(clock.startMillisecond, 500)
        let scale = ChartTimeScale.covering(2 * 3_600, clock: clock)
        XCTAssertEqual(scale.ticks.first?.label, "12:15")
        XCTAssertEqual(scale.ticks.first?.seconds, 449.5, "12:15:00 is 7 min 29.5 s after 12:07:30.5")
        XCTAssertEqual(scale.endSeconds, 7_649.5)
        let beforeEpoch = ChartClock(RunClock(startEpochMilliseconds: -1_500))
        XCTAssertEqual(beforeEpoch.startEpochSecond, -2)
        XCTAssertEqual(beforeEpoch.startMillisecond, 500)
    }

    func testRunsWithDifferentClocksShareNone() {
        let first = ChartClock(startEpochSecond: start)
        XCTAssertEqual(ChartClock.shared([first, first]), first)
        XCTAssertNil(ChartClock.shared([first, ChartClock(startEpochSecond: start + 60)]))
        XCTAssertNil(ChartClock.shared([first, nil]))
        XCTAssertNil(ChartClock.shared([]))
    }
}
