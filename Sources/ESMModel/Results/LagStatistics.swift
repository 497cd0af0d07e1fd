import EventEngine

/// Figures of an offset-lag series, the same for a simulated run and an observed one.
public enum LagStatistics {
    /// The share of the peak lag under which the lag counts as caught up: 1 %, so a
    /// steady lag of records in flight (a batching window's worth) does not hide the
    /// recovery, and a recovery to a tail of a few records is not required.
    public static let caughtUpFraction = 0.01

    /// The first sample time after the lag's peak at which it is at or below
    /// `caughtUpFraction` of the peak; nil when it never gets there or never rose above 0.
    ///
    /// Unlike the drain time this needs no end of production: it is the recovery from an
    /// incident while traffic continues. The peak is the first sample at the maximum.
    /// - Complexity: O(samples).
    public static func caughtUpTime(times: [SimTime], lags: [Double]) -> SimTime? {
        guard let peak = lags.max(), peak > 0, let peakIndex = lags.firstIndex(of: peak) else { return nil }
        let threshold = peak * caughtUpFraction
        for index in lags.indices where index > peakIndex && lags[index] <= threshold {
            return times[index]
        }
        return nil
    }

    /// The nearest-rank `fraction` quantile of `values` (0 for none).
    /// - Complexity: O(n log n).
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
