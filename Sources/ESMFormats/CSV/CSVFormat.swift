import EventEngine
import Foundation

/// Renders values for CSV cells the same way on every run and platform.
public enum CSVFormat {
    /// A time in seconds: whole seconds as integers, otherwise up to six decimals.
    public static func seconds(_ ticks: SimTime) -> String {
        if ticks % Ticks.perSecond == 0 { return String(ticks / Ticks.perSecond) }
        return decimal(Ticks.toSeconds(ticks), places: 6)
    }

    /// A decimal with at most `places` places, trailing zeros removed.
    public static func decimal(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A whole number with thousands separators (20,000,000), for people rather than CSV.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return value < 0 ? "-" + text : text
    }

    /// A cell, quoted when it holds a comma, quote or line break.
    public static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A CSV line from cells, without the newline.
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }
}
