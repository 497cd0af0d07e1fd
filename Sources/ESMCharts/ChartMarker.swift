import EventEngine

/// A vertical line at a moment of the run (the drain time, the time to maximum concurrency).
public struct ChartMarker: Sendable {
    /// What the line marks, written to its `data-marker` attribute: `drain`, `max-concurrency`.
    public var kind: String
    /// When.
    public var time: SimTime
    /// Text beside the line, or nil for an unlabelled line (the legend explains it).
    public var label: String?
    /// Stroke colour (CSS).
    public var color: String
    /// Stroke dash pattern, so kinds of marker differ without colour.
    public var dash: String

    /// Creates a marker.
    public init(kind: String, time: SimTime, label: String?, color: String, dash: String = "6 4") {
        self.kind = kind
        self.time = time
        self.label = label
        self.color = color
        self.dash = dash
    }
}
