import EventEngine

extension ChartFigure {
    /// Draws a band as one polygon: along its highs left to right, back along its lows.
    /// It carries `data-band`, so tests and scripts can find it.
    func draw(_ band: ChartBand, x: (Double) -> Double, y: (Double) -> Double, endSeconds: Double, into writer: inout SVGWriter) {
        let shown = band.points.prefix { Ticks.toSeconds($0.time) <= endSeconds }
        guard !shown.isEmpty else { return }
        let upper = shown.map { ChartNumberFormat.coordinate(x(Ticks.toSeconds($0.time))) + "," + ChartNumberFormat.coordinate(y($0.high)) }
        let lower = shown.reversed().map { ChartNumberFormat.coordinate(x(Ticks.toSeconds($0.time))) + "," + ChartNumberFormat.coordinate(y($0.low)) }
        writer.element("polygon", [
            ("class", "band"), ("data-band", band.name), ("fill", band.color), ("fill-opacity", ChartNumberFormat.coordinate(band.opacity)),
            ("stroke", "none"), ("points", (upper + lower).joined(separator: " ")),
        ])
    }
}
