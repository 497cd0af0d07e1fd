import EventEngine

/// One line on a chart panel: a value per sample time, drawn as a polyline.
public struct ChartSeries: Sendable {
    /// The name in the legend and in the polyline's `data-series` attribute.
    public var name: String
    /// Stroke colour (CSS).
    public var color: String
    /// Stroke dash pattern, or nil for a solid line.
    public var dash: String?
    /// Sample times and values, in time order; each becomes one polyline point.
    public var points: [(time: SimTime, value: Double)]

    /// Creates a series.
    public init(name: String, color: String, dash: String? = nil, points: [(time: SimTime, value: Double)]) {
        self.name = name
        self.color = color
        self.dash = dash
        self.points = points
    }
}
