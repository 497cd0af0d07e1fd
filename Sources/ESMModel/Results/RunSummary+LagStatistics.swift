extension RunSummary {
    /// Sets the figures read off the sampled offset lag: its mean, the caught-up time and
    /// the percentiles.
    ///
    /// - Complexity: O(n log n) for n rows.
    mutating func setLagStatistics(from rows: [TimeSeriesRow]) {
        meanOffsetLag = rows.isEmpty ? 0 : Double(rows.reduce(Int64(0)) { $0 + $1.offsetLagSum }) / Double(rows.count)
        let lags = rows.map { Double($0.offsetLagSum) }
        caughtUpTime = LagStatistics.caughtUpTime(times: rows.map(\.time), lags: lags)
        offsetLagP50 = Int64(LagStatistics.percentile(lags, 0.50))
        offsetLagP95 = Int64(LagStatistics.percentile(lags, 0.95))
        offsetLagP99 = Int64(LagStatistics.percentile(lags, 0.99))
    }
}
