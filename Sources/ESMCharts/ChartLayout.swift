/// Where everything of a figure goes, decided before drawing: every text with its box,
/// legend swatches, and each panel's plot frame and value axis.
///
/// Keeping placement apart from SVG writing lets tests check the layout (no two labels
/// overlap, everything inside the canvas) over many random figures.
public struct ChartLayout: Sendable {
    /// A legend swatch: a short line from `x` to `x + ChartLayout.swatchLength` at height `y`.
    public struct Swatch: Sendable {
        public var x: Double
        public var y: Double
        public var color: String
        public var dash: String?
    }

    /// One panel's placed parts.
    public struct Panel: Sendable {
        /// The plot area, inside the frame.
        public var frame: ChartBox
        /// The value axis.
        public var axis: ChartAxis
        /// Heading, legend, tick labels, axis title and marker labels.
        public var texts: [ChartText]
        /// The panel legend's swatches.
        public var swatches: [Swatch]
    }

    /// Length of a legend swatch line.
    static let swatchLength = 24.0

    /// The canvas size.
    public var width: Double
    public var height: Double
    /// Title, subtitles, the figure legend and the time axis title.
    public var texts: [ChartText]
    /// The figure legend's swatches.
    public var swatches: [Swatch]
    /// The panels, top to bottom.
    public var panels: [Panel]
    /// The shared time axis.
    var timeScale: ChartTimeScale

    /// Every text of the figure.
    public var allTexts: [ChartText] { texts + panels.flatMap(\.texts) }
}
