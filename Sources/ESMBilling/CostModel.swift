/// Prices usage: EPU-hours, requests and GB-seconds at a Region's prices.
///
/// On-demand ESMs have no EPUs, so their usage carries no EPU time: the pricing page
/// lists an ESM charge only for provisioned mode (an inference; no source says on-demand
/// polling is free in so many words). The free tier, when applied, is one month's
/// allowance taken off the usage once; duration tiers above the first (6 billion
/// GB-seconds a month on x86_64) are not modelled.
public enum CostModel {
    /// The cost of `usage` at `prices`, with the monthly free tier taken off when `freeTier`.
    public static func cost(_ usage: BillableUsage, prices: RegionPrices, freeTier: Bool = false) -> CostBreakdown {
        let requests = max(0, usage.requests - (freeTier ? prices.freeTierRequests : 0))
        let gbSeconds = max(0, usage.gbSeconds - (freeTier ? prices.freeTierGBSeconds : 0))
        let epuHours = usage.epuSeconds / 3_600
        return CostBreakdown(
            epuHours: epuHours, epuCost: epuHours * prices.epuHour,
            billedRequests: requests, requestCost: requests / 1_000_000 * prices.requestsPerMillion,
            billedGBSeconds: gbSeconds, durationCost: gbSeconds * prices.gbSecond(usage.architecture))
    }
}
