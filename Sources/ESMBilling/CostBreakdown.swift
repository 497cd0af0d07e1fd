/// What usage costs, line by line, in the price list's currency (USD).
public struct CostBreakdown: Equatable, Sendable {
    /// EPU time billed, hours.
    public var epuHours: Double
    /// EPU hours times the EPU-hour price.
    public var epuCost: Double
    /// Requests billed after any free tier.
    public var billedRequests: Double
    /// Billed requests times the request price.
    public var requestCost: Double
    /// GB-seconds billed after any free tier.
    public var billedGBSeconds: Double
    /// Billed GB-seconds times the architecture's GB-second price.
    public var durationCost: Double
    /// The same usage scaled to a 730-hour month and priced again (any free tier taken off
    /// the month's usage, once); nil when the cost was not projected.
    public var monthlyTotal: Double?

    /// Everything together.
    public var total: Double { epuCost + requestCost + durationCost }
}
