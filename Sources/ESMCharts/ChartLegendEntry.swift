/// One line of a legend: a swatch in a series' colour and dash, a short name, and optional detail.
public struct ChartLegendEntry: Sendable {
    /// The short name, as the series is called everywhere else.
    public var label: String
    /// Smaller, muted text after the name (drain time, ...), or nil.
    public var detail: String?
    /// Swatch colour (CSS).
    public var color: String
    /// Swatch dash pattern, or nil for solid.
    public var dash: String?

    /// Creates an entry.
    public init(label: String, detail: String? = nil, color: String, dash: String? = nil) {
        self.label = label
        self.detail = detail
        self.color = color
        self.dash = dash
    }
}
