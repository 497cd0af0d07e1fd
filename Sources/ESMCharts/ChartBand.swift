import EventEngine

/// A shaded range on a chart panel: a low and a high value per sample time, drawn as one
/// filled polygon under the panel's lines (an ensemble's members, lowest to highest).
public struct ChartBand: Sendable {
    /// The name in the polygon's `data-band` attribute.
    public var name: String
    /// Fill colour (CSS); drawn at `opacity`.
    public var color: String
    /// Fill opacity, so lines and grid show through.
    public var opacity: Double
    /// Sample times with the low and high value, in time order.
    public var points: [(time: SimTime, low: Double, high: Double)]

    /// Creates a band.
    public init(name: String, color: String, opacity: Double = 0.25, points: [(time: SimTime, low: Double, high: Double)]) {
        self.name = name
        self.color = color
        self.opacity = opacity
        self.points = points
    }
}
