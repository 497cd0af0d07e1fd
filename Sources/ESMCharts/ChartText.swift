/// One piece of text placed on a figure, with the room it takes.
///
/// Layout places every label as a `ChartText` before anything is drawn, so overlaps can
/// be avoided (and tested) without a renderer: widths come from `ChartTextMetrics`, which
/// errs on the wide side.
public struct ChartText: Sendable {
    /// How the text hangs from its point: SVG `text-anchor`.
    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// What the text is, written to its `class` attribute: `title`, `tick`, `marker-label`, ...
    public var role: String
    public var text: String
    /// The anchor point: x, and the baseline's y.
    public var x: Double
    public var y: Double
    public var anchor: Anchor
    public var fontSize: Double
    public var bold: Bool
    /// Fill colour (CSS).
    public var color: String
    /// Turned a quarter anticlockwise about its anchor, reading bottom to top (a y-axis title).
    public var vertical: Bool

    /// Creates a placed text.
    public init(role: String, text: String, x: Double, y: Double, anchor: Anchor = .start,
                fontSize: Double, bold: Bool = false, color: String, vertical: Bool = false) {
        self.role = role
        self.text = text
        self.x = x
        self.y = y
        self.anchor = anchor
        self.fontSize = fontSize
        self.bold = bold
        self.color = color
        self.vertical = vertical
    }

    /// The estimated run length of the text.
    public var width: Double { ChartTextMetrics.width(text, fontSize: fontSize, bold: bold) }

    /// The area the text covers: from the ascender above the baseline to the descender below.
    public var box: ChartBox {
        let along: (Double, Double)
        switch anchor {
        case .start: along = (0, width)
        case .middle: along = (-width / 2, width / 2)
        case .end: along = (-width, 0)
        }
        let ascent = ChartTextMetrics.ascent * fontSize
        let descent = ChartTextMetrics.descent * fontSize
        if vertical {
            return ChartBox(minX: x - ascent, minY: y - along.1, maxX: x + descent, maxY: y - along.0)
        }
        return ChartBox(minX: x + along.0, minY: y - ascent, maxX: x + along.1, maxY: y + descent)
    }
}
