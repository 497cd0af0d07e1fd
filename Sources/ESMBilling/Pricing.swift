/// How runs are priced: a Region's prices and whether the monthly free tier comes off.
public struct Pricing: Sendable {
    /// The Region's prices.
    public var prices: RegionPrices
    /// Whether to take the monthly free tier off the Lambda usage.
    public var freeTier: Bool

    /// Creates a pricing choice.
    public init(prices: RegionPrices, freeTier: Bool) {
        self.prices = prices
        self.freeTier = freeTier
    }
}
