import ESMFormats
import EventEngine

/// Drawing a figure as SVG text, from its layout.
extension ChartFigure {
    private enum Colors {
        static let grid = "#e3e3e3"
        static let frame = "#9a9a9a"
    }

    /// The figure as an SVG document; without `declaration` it can be inlined in HTML.
    ///
    /// Every polyline carries `data-series` and every marker line `data-marker` and
    /// `data-time-s` (seconds, as in `summary.csv`), so tests and scripts can read the
    /// drawing back without reversing the geometry.
    public func svg(declaration: Bool = true) -> String {
        let layout = layout()
        var writer = SVGWriter(width: Int(layout.width), height: Int(layout.height), title: title)
        for text in layout.texts where text.role != "axis-title" { draw(text, into: &writer) }
        for swatch in layout.swatches { draw(swatch, into: &writer) }
        for (panel, placed) in zip(panels, layout.panels) {
            draw(panel, placed, scale: layout.timeScale, into: &writer)
        }
        for text in layout.texts where text.role == "axis-title" { draw(text, into: &writer) }
        return writer.finished(declaration: declaration)
    }

    /// Draws one panel: grid, frame, lines, marker lines, then its texts over them.
    private func draw(_ panel: ChartPanel, _ placed: ChartLayout.Panel, scale: ChartTimeScale, into writer: inout SVGWriter) {
        let frame = placed.frame
        let width = frame.maxX - frame.minX
        let height = frame.maxY - frame.minY
        func x(_ seconds: Double) -> Double { frame.minX + scale.fraction(seconds) * width }
        func y(_ value: Double) -> Double { frame.maxY - placed.axis.fraction(value) * height }

        writer.open("g", [("class", "panel"), ("data-panel", panel.heading)])
        for tick in placed.axis.ticks {
            writer.element("line", [
                ("x1", coordinate(frame.minX)), ("x2", coordinate(frame.maxX)),
                ("y1", coordinate(y(tick))), ("y2", coordinate(y(tick))), ("stroke", Colors.grid),
            ])
        }
        for tick in scale.ticks {
            writer.element("line", [
                ("x1", coordinate(x(tick.seconds))), ("x2", coordinate(x(tick.seconds))),
                ("y1", coordinate(frame.minY)), ("y2", coordinate(frame.maxY)), ("stroke", Colors.grid),
            ])
        }
        writer.element("rect", [
            ("x", coordinate(frame.minX)), ("y", coordinate(frame.minY)), ("width", coordinate(width)),
            ("height", coordinate(height)), ("fill", "none"), ("stroke", Colors.frame),
        ])
        for band in panel.bands { draw(band, x: x, y: y, endSeconds: scale.endSeconds, into: &writer) }
        for series in panel.series {
            let points = series.points.lazy
                .map { (seconds: Ticks.toSeconds($0.time), value: $0.value) }
                .prefix { $0.seconds <= scale.endSeconds }
                .map { coordinate(x($0.seconds)) + "," + coordinate(y($0.value)) }
            var attributes: [SVGWriter.Attribute] = [
                ("class", "series"), ("data-series", series.name), ("fill", "none"), ("stroke", series.color),
                ("stroke-width", "2"), ("stroke-linejoin", "round"),
            ]
            if let dash = series.dash { attributes.append(("stroke-dasharray", dash)) }
            attributes.append(("points", points.joined(separator: " ")))
            writer.element("polyline", attributes)
        }
        for marker in panel.markers where Ticks.toSeconds(marker.time) <= scale.endSeconds {
            let markerX = coordinate(x(Ticks.toSeconds(marker.time)))
            writer.element("line", [
                ("class", "marker"), ("data-marker", marker.kind), ("data-time-s", CSVFormat.seconds(marker.time)),
                ("x1", markerX), ("x2", markerX), ("y1", coordinate(frame.minY)), ("y2", coordinate(frame.maxY)),
                ("stroke", marker.color), ("stroke-width", "1.5"), ("stroke-dasharray", marker.dash),
            ])
        }
        for swatch in placed.swatches { draw(swatch, into: &writer) }
        for text in placed.texts { draw(text, into: &writer) }
        writer.close("g")
    }

    /// Draws a placed text; marker labels get a white halo so a line under them does not cut through.
    private func draw(_ text: ChartText, into writer: inout SVGWriter) {
        var attributes: [SVGWriter.Attribute] = [
            ("class", text.role), ("x", coordinate(text.x)), ("y", coordinate(text.y)), ("font-size", coordinate(text.fontSize)),
        ]
        if text.bold { attributes.append(("font-weight", "bold")) }
        if text.anchor != .start { attributes.append(("text-anchor", text.anchor.rawValue)) }
        if text.vertical { attributes.append(("transform", "rotate(-90 \(coordinate(text.x)) \(coordinate(text.y)))")) }
        attributes.append(("fill", text.color))
        if text.role == "marker-label" {
            attributes += [("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke")]
        }
        writer.element("text", attributes, text: text.text)
    }

    private func draw(_ swatch: ChartLayout.Swatch, into writer: inout SVGWriter) {
        var attributes: [SVGWriter.Attribute] = [
            ("x1", coordinate(swatch.x)), ("x2", coordinate(swatch.x + ChartLayout.swatchLength)),
            ("y1", coordinate(swatch.y)), ("y2", coordinate(swatch.y)), ("stroke", swatch.color), ("stroke-width", "3"),
        ]
        if let dash = swatch.dash { attributes.append(("stroke-dasharray", dash)) }
        writer.element("line", attributes)
    }

    private func coordinate(_ value: Double) -> String {
        ChartNumberFormat.coordinate(value)
    }
}
