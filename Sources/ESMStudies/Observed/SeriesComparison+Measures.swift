import ESMFormats
import EventEngine

/// The error measures as named figures, for a report table.
extension SeriesComparison {
    /// A value rounded to a whole number with thousands grouped (`-217,985`), or to one
    /// decimal below 100 so small counts keep their precision.
    public static func figure(_ value: Double) -> String {
        abs(value) < 100 ? CSVFormat.decimal(value, places: 1) : CSVFormat.grouped(Int64(value.rounded()))
    }

    /// A simulated time as seconds and clock time: `3300 s (2026-11-02T14:25:00Z)`.
    func moment(_ time: SimTime) -> String {
        "\(CSVFormat.seconds(time)) s (\(ClockTime.iso8601(start + time / Ticks.perMillisecond)))"
    }

    /// Each measure's name and value, units included: points compared, mean absolute
    /// error, the observed peak and the simulated figure there, the simulated peak and,
    /// for a lag, each catch-up time and their difference.
    public var measures: [(name: String, value: String)] {
        let unit = metric.unit
        var rows: [(name: String, value: String)] = [
            ("Points compared", "\(pairs.count)\(pairs.first.map { " from \(ClockTime.iso8601($0.clock))" } ?? "")\(pairs.last.map { " to \(ClockTime.iso8601($0.clock))" } ?? "")"
                + (before > 0 ? " (\(before) before the scenario's start left out)" : "")),
            ("Mean absolute error", "\(Self.figure(meanAbsoluteError)) \(unit)"),
        ]
        if let peak = observedPeak {
            rows.append(("Observed peak", "\(Self.figure(peak.observed)) \(unit) at \(ClockTime.iso8601(peak.clock))"))
            rows.append(("Simulated there (error at the peak)", "\(Self.figure(peak.simulated)) \(unit) (\(Self.figure(errorAtPeak)))"))
        }
        rows.append(("Simulated peak", "\(Self.figure(simulatedPeak)) \(unit)"))
        if let caughtUp {
            rows.append(("Caught up, observed", caughtUp.observed.map(moment) ?? "never"))
            rows.append(("Caught up, simulated", caughtUp.simulated.map(moment) ?? "never"))
            if let observed = caughtUp.observed, let simulated = caughtUp.simulated {
                rows.append(("Catch-up time difference", "\(CSVFormat.seconds(simulated - observed)) s (simulated minus observed)"))
            } else {
                rows.append(("Catch-up time difference", "none: \(caughtUp.observed == nil ? "the observed" : "the simulated") lag never catches up"))
            }
        }
        return rows
    }
}
