/// Estimated text extents for laying out labels without measuring rendered text (which an
/// SVG file cannot do ahead of the viewer).
///
/// The widths, in ems, sit at or above those of the common sans-serif faces a viewer may
/// substitute for Helvetica (Arial, Liberation Sans, DejaVu Sans, the widest of them), so a
/// label laid out clear of another stays clear whichever face draws it.
public enum ChartTextMetrics {
    /// Height above the baseline, in ems.
    static let ascent = 0.95
    /// Depth below the baseline, in ems.
    static let descent = 0.25

    /// The estimated width of `text` at `fontSize`.
    /// - Complexity: O(n) in the text's length.
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        let ems = text.unicodeScalars.reduce(0.0) { $0 + em($1) }
        return ems * fontSize * (bold ? 1.08 : 1)
    }

    /// The width of one character, in ems.
    private static func em(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "I", "!", "|", ".", ",", ":", ";", "'": return 0.33
        case " ", "f", "t", "r", "(", ")", "[", "]", "-", "/", "\\": return 0.42
        case "m", "w", "M", "W", "@", "%": return 1.0
        case "A"..."Z", "&", "#", "_", "~", "=", "+", "<", ">": return 0.78
        case "0"..."9", "a"..."z", "$", "?", "\"", "*", "^": return 0.64
        default: return scalar.value < 128 ? 0.64 : 1.0
        }
    }
}
