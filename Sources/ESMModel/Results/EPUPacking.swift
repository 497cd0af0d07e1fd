/// How pollers are packed onto Event Poller Units: the one rule both the simulation's
/// EPU meter and the analytic cost estimate use.
///
/// AWS publishes no packing rule, only that an EPU carries 20 MB/s and "a default of 10
/// event pollers", and that busy pollers lower the density. The assumed rule: every
/// running poller claims the larger of an idle poller's slot (EPU capacity / pollers per
/// EPU) and the bytes per second it actually fetches, capped at one poller's maximum;
/// the claims of every poller on the EPUs are added, and the EPU count is the sum over
/// the EPU capacity, rounded up. It never falls below the floor set by `MinimumPollers`.
public struct EPUPacking: Equatable, Sendable {
    /// Throughput one EPU supports, bytes per second.
    public let epuBytesPerSecond: Double
    /// Pollers one EPU holds when each is light.
    public let pollersPerEPU: Double
    /// The most one poller can fetch, bytes per second (provisioned mode).
    public let pollerBytesPerSecond: Double

    /// The rule with the profile's constants.
    public init(profile: BehaviourProfile) {
        epuBytesPerSecond = max(profile.epuBytesPerSecond, 1)
        pollersPerEPU = max(profile.pollersPerEPU, 1)
        pollerBytesPerSecond = max(profile.provisioned.pollerBytesPerSecond, 1)
    }

    /// The capacity an idle poller takes: its slot at the default density.
    public var idleClaim: Double { epuBytesPerSecond / pollersPerEPU }

    /// The EPU capacity, in bytes per second, that a poller fetching `bytesPerSecond` claims.
    public func claim(bytesPerSecond: Double) -> Double {
        max(idleClaim, min(bytesPerSecond, pollerBytesPerSecond))
    }

    /// The EPUs for pollers whose claims add up to `claimed` bytes per second, never fewer
    /// than `minimum`.
    ///
    /// A relative slack of one part in 10^9 keeps exact multiples (ten idle claims of 2 MB/s)
    /// from rounding up to an extra EPU through floating-point noise.
    public func epus(claimed: Double, minimum: Int) -> Int {
        let exact = claimed / epuBytesPerSecond
        return max(minimum, Int((exact * (1 - 1e-9)).rounded(.up)))
    }

    /// The EPU floor of `minimumPollers` pollers packed together: at least one EPU.
    public func minimumEPUs(minimumPollers: Int) -> Int {
        max(1, epus(claimed: Double(minimumPollers) * idleClaim, minimum: 0))
    }
}
