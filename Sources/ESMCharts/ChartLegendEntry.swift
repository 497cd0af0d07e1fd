/// One line of a legend: a swatch in a series' colour and dash, and its text.
public struct ChartLegendEntry: Sendable {
    /// The text.
    public var label: String
    /// Swatch colour (CSS).
    public var color: String
    /// Swatch dash pattern, or nil for solid.
    public var dash: String?

    /// Creates an entry.
    public init(label: String, color: String, dash: String? = nil) {
        self.label = label
        self.color = color
        self.dash = dash
    }
}
