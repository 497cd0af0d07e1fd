@testable import ESMCharts
import EventEngine
import XCTest

/// The laid-out figure: no two labels overlap and nothing leaves the canvas, over many
/// random figures (long names, close markers, many series, clock and minute axes).
final class ChartLayoutTests: XCTestCase {
    func testNoTwoLabelsOverlapOverRandomFigures() throws {
        var random = RandomStream(seed: 18)
        var markerLabelsPlaced = 0
        for round in 0..<300 {
            let figure = RandomFigure.make(&random)
            let layout = figure.layout()
            let texts = layout.allTexts
            markerLabelsPlaced += texts.filter { $0.role == "marker-label" }.count
            let canvas = ChartBox(minX: 0, minY: 0, maxX: layout.width, maxY: layout.height)
            for text in texts {
                XCTAssertTrue(canvas.contains(text.box), "round \(round): \(text.role) \"\(text.text)\" leaves the canvas: \(text.box)")
            }
            for (index, first) in texts.enumerated() {
                for second in texts[(index + 1)...] where first.box.intersects(second.box) {
                    XCTFail("round \(round): \(first.role) \"\(first.text)\" overlaps \(second.role) \"\(second.text)\"")
                }
            }
            for (panel, placed) in zip(figure.panels, layout.panels) {
                for text in placed.texts where text.role == "marker-label" {
                    XCTAssertTrue(placed.frame.contains(text.box), "marker labels stay inside their plot")
                }
                XCTAssertLessThanOrEqual(placed.texts.filter { $0.role == "marker-label" }.count, panel.markers.count)
            }
            let svg = figure.svg()
            XCTAssertNotNil(SVGProbe.parse(svg), "round \(round): the SVG is not well-formed")
        }
        // The property means something only if labels were in fact placed, many of them close together.
        XCTAssertGreaterThan(markerLabelsPlaced, 1_000)
    }

    /// The overlap check itself can fail: two labels at one place do intersect.
    func testBoxesThatShareAreaIntersect() {
        let first = ChartText(role: "a", text: "drained at 6.5 min", x: 100, y: 100, fontSize: 12, color: "#000")
        var second = first
        second.x += first.width - 1
        XCTAssertTrue(first.box.intersects(second.box))
        second.x += 2
        XCTAssertFalse(first.box.intersects(second.box))
        let vertical = ChartText(role: "v", text: "records", x: 22, y: 200, anchor: .middle, fontSize: 12, color: "#000", vertical: true)
        XCTAssertGreaterThan(vertical.box.maxY - vertical.box.minY, vertical.box.maxX - vertical.box.minX, "a y-axis title stands upright")
    }

    func testWrappedTextFitsItsWidth() {
        let text = "a-scenario-name-with-no-spaces-that-is-much-longer-than-any-line could-be and more words"
        let lines = ChartFigure.wrap(text, fontSize: 12, width: 150)
        XCTAssertGreaterThan(lines.count, 3)
        XCTAssertEqual(lines.joined(separator: " ").replacingOccurrences(of: " ", with: ""), text.replacingOccurrences(of: " ", with: ""))
        for line in lines { XCTAssertLessThanOrEqual(ChartTextMetrics.width(line, fontSize: 12), 150) }
    }
}

/// Random figures for layout properties.
enum RandomFigure {
    static func make(_ random: inout RandomStream) -> ChartFigure {
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        func name(_ maximum: Int) -> String {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyzMW0123456789 -_&<>\"'()\u{1}\u{7F}\tÅé")
            return String((0..<int(1...maximum)).map { _ in alphabet[int(0...(alphabet.count - 1))] })
        }
        let end = Ticks.seconds(Double(int(60...200_000)))
        let samples = int(2...80)
        let panels = (0..<int(1...6)).map { _ in
            let magnitude = pow(10, Double(int(0...9)))
            let series = (0..<int(1...5)).map { index in
                ChartSeries(name: name(int(1...3) == 1 ? 40 : 12), color: ChartPalette.color(index), dash: ChartPalette.dash(index),
                            points: (0...samples).map { step in
                                (end / SimTime(samples) * SimTime(step), random.nextUnit() * magnitude)
                            })
            }
            // Markers bunch up: half of them within a few percent of the axis, so labels must share rows.
            let markers = (0..<int(0...8)).map { _ in
                let time = int(0...1) == 0 ? SimTime(random.nextUnit() * Double(end)) : SimTime(random.nextUnit() * 0.05 * Double(end))
                return ChartMarker(kind: "drain", time: time, label: int(0...4) == 0 ? nil : name(36), color: "#333333")
            }
            return ChartPanel(heading: name(50), valueLabel: name(12), series: series, markers: markers, showsLegend: int(0...1) == 0)
        }
        let legend = (0..<int(0...6)).map { index in
            ChartLegendEntry(label: name(60), detail: int(0...1) == 0 ? nil : name(140), color: ChartPalette.color(index), dash: ChartPalette.dash(index))
        }
        let clock = int(0...1) == 0 ? nil
            : ChartClock(startEpochSecond: Int64(int(0...2_000_000_000)), utcOffsetSeconds: 900 * int(-48...56))
        var figure = ChartFigure(title: name(150), subtitles: (0..<int(0...3)).map { _ in name(200) }, legend: legend, panels: panels, clock: clock)
        if int(0...1) == 0 { figure.limitTime(to: SimTime(random.nextUnit() * Double(end)) + 1) }
        return figure
    }
}
