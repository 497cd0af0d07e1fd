import ESMFormats
import EventEngine
import Foundation

/// How chart labels write numbers: short, readable, and the same bytes on every run.
public enum ChartNumberFormat {
    /// Suffixes for large counts, smallest first.
    private static let countUnits: [(scale: Double, suffix: String)] = [
        (1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T"),
    ]

    /// A count as a tick or legend label: `20000000` is `20M`, `1500` is `1.5k`, `950` is
    /// `950`; at most two decimals, trailing zeros dropped.
    ///
    /// A value that would round up to 1000 of one unit is written in the next unit, so
    /// `999_999` is `1M`, not `1000k`.
    public static func compactCount(_ value: Double) -> String {
        var index = countUnits.lastIndex { value.magnitude >= $0.scale }
        if let current = index, current + 1 < countUnits.count,
           roundedToHundredths(value.magnitude / countUnits[current].scale) >= 1_000 {
            index = current + 1
        }
        guard let index else { return CSVFormat.decimal(value, places: 2) }
        return CSVFormat.decimal(value / countUnits[index].scale, places: 2) + countUnits[index].suffix
    }

    /// Minutes as a tick label: `6.5`, `10`, `0.25`.
    public static func minutesValue(_ minutes: Double) -> String {
        CSVFormat.decimal(minutes, places: 3)
    }

    /// A simulated time as minutes with the unit, for labels: `6.5 min`.
    public static func minutes(_ ticks: SimTime) -> String {
        CSVFormat.decimal(Ticks.toSeconds(ticks) / 60, places: 1) + " min"
    }

    /// A drawing coordinate: two decimals, fixed, so output bytes never depend on how a
    /// `Double` happens to print.
    static func coordinate(_ value: Double) -> String {
        CSVFormat.decimal(value, places: 2)
    }

    private static func roundedToHundredths(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
