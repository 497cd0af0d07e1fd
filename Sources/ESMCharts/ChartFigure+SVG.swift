import ESMFormats
import EventEngine

/// Drawing a figure as SVG text.
extension ChartFigure {
    /// Fixed geometry, in SVG user units.
    private enum Layout {
        static let width = 960
        static let plotLeft = 88.0
        static let plotRight = 936.0
        static let plotHeight = 200.0
        static let titleBaseline = 30.0
        static let lineHeight = 20.0
        /// From a panel's top to its plot's top: room for the heading.
        static let headingHeight = 26.0
        /// From a plot's bottom to the next panel's top: room for the time tick labels.
        static let tickRoom = 34.0
        /// Below the last panel: the time axis title.
        static let footer = 22.0
        /// Rough width of one character at the 12-unit legend font, for laying out legends
        /// without measuring text (which SVG cannot do ahead of rendering).
        static let characterWidth = 6.6
        static let textColor = "#222222"
        static let mutedColor = "#555555"
        static let gridColor = "#e3e3e3"
        static let frameColor = "#9a9a9a"
    }

    /// The figure as an SVG document; without `declaration` it can be inlined in HTML.
    ///
    /// Every polyline carries `data-series` and every marker line `data-marker` and
    /// `data-time-s` (seconds, as in `summary.csv`), so tests and scripts can read the
    /// drawing back without reversing the geometry.
    public func svg(declaration: Bool = true) -> String {
        let panelsTop = Layout.titleBaseline + Layout.lineHeight * Double(subtitles.count + legend.count) + 16
        let panelHeight = Layout.headingHeight + Layout.plotHeight + Layout.tickRoom
        let height = Int((panelsTop + panelHeight * Double(panels.count) + Layout.footer).rounded(.up))
        var writer = SVGWriter(width: Layout.width, height: height, title: title)
        var baseline = Layout.titleBaseline
        writer.element("text", [
            ("x", coordinate(Layout.plotLeft)), ("y", coordinate(baseline)), ("font-size", "18"),
            ("font-weight", "bold"), ("fill", Layout.textColor),
        ], text: title)
        for subtitle in subtitles {
            baseline += Layout.lineHeight
            writer.element("text", [
                ("x", coordinate(Layout.plotLeft)), ("y", coordinate(baseline)), ("font-size", "13"), ("fill", Layout.mutedColor),
            ], text: subtitle)
        }
        for entry in legend {
            baseline += Layout.lineHeight
            drawLegendEntry(entry, x: Layout.plotLeft, baseline: baseline, into: &writer)
        }
        let timeAxis = self.timeAxis
        for (index, panel) in panels.enumerated() {
            drawPanel(panel, top: panelsTop + panelHeight * Double(index), timeAxis: timeAxis, into: &writer)
        }
        writer.element("text", [
            ("x", coordinate((Layout.plotLeft + Layout.plotRight) / 2)),
            ("y", coordinate(panelsTop + panelHeight * Double(panels.count) - Layout.tickRoom + 38)),
            ("font-size", "12"), ("text-anchor", "middle"), ("fill", Layout.textColor),
        ], text: "Time since start (minutes)")
        return writer.finished(declaration: declaration)
    }

    /// Draws one panel whose heading starts at `top`.
    private func drawPanel(_ panel: ChartPanel, top: Double, timeAxis: ChartAxis, into writer: inout SVGWriter) {
        let plotTop = top + Layout.headingHeight
        let plotBottom = plotTop + Layout.plotHeight
        let plotWidth = Layout.plotRight - Layout.plotLeft
        let valueAxis = panel.axis
        func x(_ minutes: Double) -> Double { Layout.plotLeft + timeAxis.fraction(minutes) * plotWidth }
        func y(_ value: Double) -> Double { plotBottom - valueAxis.fraction(value) * Layout.plotHeight }

        writer.open("g", [("class", "panel"), ("data-panel", panel.heading)])
        writer.element("text", [
            ("x", coordinate(Layout.plotLeft)), ("y", coordinate(top + 16)), ("font-size", "14"),
            ("font-weight", "bold"), ("fill", Layout.textColor),
        ], text: panel.heading)
        if panel.showsLegend {
            // Right-aligned on the heading's line: laid out from the right edge leftwards.
            var right = Layout.plotRight
            for series in panel.series.reversed() {
                let entryWidth = 32 + Layout.characterWidth * Double(series.name.count)
                right -= entryWidth
                drawLegendEntry(ChartLegendEntry(label: series.name, color: series.color, dash: series.dash),
                                x: right, baseline: top + 16, into: &writer)
                right -= 14
            }
        }
        for tick in valueAxis.ticks {
            writer.element("line", [
                ("x1", coordinate(Layout.plotLeft)), ("x2", coordinate(Layout.plotRight)),
                ("y1", coordinate(y(tick))), ("y2", coordinate(y(tick))), ("stroke", Layout.gridColor),
            ])
            writer.element("text", [
                ("x", coordinate(Layout.plotLeft - 8)), ("y", coordinate(y(tick) + 4)), ("font-size", "11"),
                ("text-anchor", "end"), ("fill", Layout.mutedColor),
            ], text: ChartNumberFormat.compactCount(tick))
        }
        for tick in timeAxis.ticks {
            writer.element("line", [
                ("x1", coordinate(x(tick))), ("x2", coordinate(x(tick))),
                ("y1", coordinate(plotTop)), ("y2", coordinate(plotBottom)), ("stroke", Layout.gridColor),
            ])
            writer.element("text", [
                ("x", coordinate(x(tick))), ("y", coordinate(plotBottom + 16)), ("font-size", "11"),
                ("text-anchor", "middle"), ("fill", Layout.mutedColor),
            ], text: ChartNumberFormat.minutesValue(tick))
        }
        writer.element("rect", [
            ("x", coordinate(Layout.plotLeft)), ("y", coordinate(plotTop)), ("width", coordinate(plotWidth)),
            ("height", coordinate(Layout.plotHeight)), ("fill", "none"), ("stroke", Layout.frameColor),
        ])
        let middle = coordinate((plotTop + plotBottom) / 2)
        writer.element("text", [
            ("x", "22"), ("y", middle), ("font-size", "12"), ("text-anchor", "middle"),
            ("transform", "rotate(-90 22 \(middle))"), ("fill", Layout.textColor),
        ], text: panel.valueLabel)
        for series in panel.series {
            let points = series.points.lazy
                .map { (minutes: Ticks.toSeconds($0.time) / 60, value: $0.value) }
                .prefix { $0.minutes <= timeAxis.upper }
                .map { coordinate(x($0.minutes)) + "," + coordinate(y($0.value)) }
            var attributes: [SVGWriter.Attribute] = [
                ("class", "series"), ("data-series", series.name), ("fill", "none"), ("stroke", series.color),
                ("stroke-width", "2"), ("stroke-linejoin", "round"),
            ]
            if let dash = series.dash { attributes.append(("stroke-dasharray", dash)) }
            attributes.append(("points", points.joined(separator: " ")))
            writer.element("polyline", attributes)
        }
        var labelRow = 0
        for marker in panel.markers where Ticks.toSeconds(marker.time) / 60 <= timeAxis.upper {
            let markerX = x(Ticks.toSeconds(marker.time) / 60)
            writer.element("line", [
                ("class", "marker"), ("data-marker", marker.kind), ("data-time-s", CSVFormat.seconds(marker.time)),
                ("x1", coordinate(markerX)), ("x2", coordinate(markerX)), ("y1", coordinate(plotTop)),
                ("y2", coordinate(plotBottom)), ("stroke", marker.color), ("stroke-width", "1.5"),
                ("stroke-dasharray", "6 4"),
            ])
            guard let label = marker.label else { continue }
            // Labels sit beside their line, on the side with more room, one row per label so
            // two markers close together do not overprint.
            let onLeft = markerX > Layout.plotLeft + plotWidth * 0.7
            writer.element("text", [
                ("class", "marker-label"), ("x", coordinate(markerX + (onLeft ? -5 : 5))),
                ("y", coordinate(plotTop + 16 + 16 * Double(labelRow))), ("font-size", "12"),
                ("text-anchor", onLeft ? "end" : "start"), ("fill", marker.color), ("stroke", "#ffffff"),
                ("stroke-width", "3"), ("paint-order", "stroke"),
            ], text: label)
            labelRow += 1
        }
        writer.close("g")
    }

    /// Draws a swatch and its text, starting at `x`.
    private func drawLegendEntry(_ entry: ChartLegendEntry, x: Double, baseline: Double, into writer: inout SVGWriter) {
        var attributes: [SVGWriter.Attribute] = [
            ("x1", coordinate(x)), ("x2", coordinate(x + 24)), ("y1", coordinate(baseline - 4)),
            ("y2", coordinate(baseline - 4)), ("stroke", entry.color), ("stroke-width", "3"),
        ]
        if let dash = entry.dash { attributes.append(("stroke-dasharray", dash)) }
        writer.element("line", attributes)
        writer.element("text", [
            ("x", coordinate(x + 32)), ("y", coordinate(baseline)), ("font-size", "12"), ("fill", Layout.textColor),
        ], text: entry.label)
    }

    private func coordinate(_ value: Double) -> String {
        ChartNumberFormat.coordinate(value)
    }
}
