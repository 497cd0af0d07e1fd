import ESMFormats
import ESMScenarios

extension ObservedFit {
    /// The overlay of every member on the observed series as CSV, the ensemble form of
    /// `SeriesComparison.csv`: `time_s,clock,observed_METRIC`, then `simulated_METRIC:MEMBER`
    /// for each member in set order, then `simulated_METRIC_median`, the median across the
    /// members of that period (`MetricRange`'s median). A member's name follows a colon so
    /// no member can take the median's column name.
    ///
    /// The members ran the same scenario, so they share its clock and every member's
    /// comparison holds the same observed points.
    /// - Complexity: O(points × members log members).
    public static func csv(_ fits: [ObservedFit]) -> String {
        guard let first = fits.first else { return "" }
        let metric = first.comparison.metric.rawValue
        let header = ["time_s", "clock", "observed_\(metric)"] + fits.map { "simulated_\(metric):\($0.member)" } + ["simulated_\(metric)_median"]
        var lines = [CSVFormat.line(header)]
        for (index, pair) in first.comparison.pairs.enumerated() {
            let simulated = fits.map { fit in
                precondition(fit.comparison.pairs[index].time == pair.time, "members share the scenario's clock")
                return fit.comparison.pairs[index].simulated
            }
            let median = MetricRange(metric: metric, values: simulated, members: fits.map(\.member)).median
            let cells = pair.observedCells + (simulated + [median]).map { CSVFormat.decimal($0, places: 3) }
            lines.append(CSVFormat.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
