/// Costs scaled to a month the way teams budget and AWS's pricing calculator counts one:
/// 730 hours (8,760 hours a year over 12 months), assuming the priced span's usage repeats.
public enum MonthlyProjection {
    /// Hours in the budgeting month.
    public static let hoursPerMonth = 730.0
    /// Seconds in the budgeting month.
    public static let secondsPerMonth = hoursPerMonth * 3_600

    /// `usage` of `seconds`, repeated over a 730-hour month; nil for a span of no time.
    public static func usage(_ usage: BillableUsage, over seconds: Double) -> BillableUsage? {
        guard seconds > 0, seconds.isFinite else { return nil }
        let factor = secondsPerMonth / seconds
        return BillableUsage(
            epuSeconds: usage.epuSeconds * factor, requests: usage.requests * factor,
            gbSeconds: usage.gbSeconds * factor, architecture: usage.architecture)
    }

    /// What `usage` over `seconds` costs, with `monthlyTotal` set to the month's cost.
    public static func cost(_ usage: BillableUsage, over seconds: Double, prices: RegionPrices, freeTier: Bool) -> CostBreakdown {
        var cost = CostModel.cost(usage, prices: prices, freeTier: freeTier)
        cost.monthlyTotal = self.usage(usage, over: seconds).map { CostModel.cost($0, prices: prices, freeTier: freeTier).total }
        return cost
    }
}
