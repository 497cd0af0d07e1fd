/// A named, documented set of every behavioural constant of the simulated service.
///
/// All scenarios run against a profile; a scenario never carries its own tuning. The
/// shipped profiles are data files (`Profiles/*.json`) giving each constant's value, unit
/// and evidence; `ProfileConstant.catalog` lists the constants.
public struct BehaviourProfile: Equatable, Sendable {
    /// The profile's name, as used on the command line (`aws-2024`).
    public var name: String
    /// One line on what service the profile describes.
    public var summary: String
    /// Poller behaviour in on-demand (default) mode.
    public var onDemand = ScalingBehaviour()
    /// Poller behaviour in provisioned mode.
    public var provisioned = ScalingBehaviour()
    /// How long consumption stops while partitions move between pollers.
    public var rebalancePauseSeconds: Double = 0
    /// Which partitions pause when the poller count changes (aws-2024: only moved ones).
    public var rebalanceScope = RebalanceScope.movedPartitions
    /// The profile this one is an alternative reading of: the same service with other
    /// mechanisms, so observations published for that profile apply to this one too.
    public var alternativeTo: String?
    /// Wait before a throttled invocation is tried again.
    public var throttleRetrySeconds: Double = 1
    /// Wait before a failed batch is invoked again.
    public var errorRetrySeconds: Double = 0
    /// Largest invocation payload, in bytes.
    public var payloadLimitBytes: Double = 6_291_456
    /// Retries applied when retries are infinite but an on-failure destination is set.
    public var retriesWithDestination: Double = 10
    /// Throughput one Event Poller Unit supports, bytes per second.
    public var epuBytesPerSecond: Double = 20_000_000
    /// Pollers one EPU holds when they are idle or light.
    public var pollersPerEPU: Double = 10
    /// Shortest time an EPU is billed for once it starts.
    public var epuMinimumBillingSeconds: Double = 60
    /// Length of the periods over which poller throughput decides the EPU count.
    public var epuMeteringSeconds: Double = 60
    /// How long every period must need fewer EPUs than run before EPUs stop.
    public var epuScaleInSeconds: Double = 300
    /// New execution environments Lambda creates for one function in any scaling window.
    public var scalingRateEnvironments: Double = 1_000
    /// The window the scaling rate counts new environments over.
    public var scalingRateWindowSeconds: Double = 10
    /// How long an idle on-demand execution environment is kept before it is reclaimed.
    public var idleEnvironmentLifetimeSeconds: Double = 600
    /// The documentation of each constant, in the order the profile file lists them.
    public var notes: [ProfileConstant.Note] = []

    /// Creates a profile with neutral defaults; use `BehaviourProfile.named(_:)` for a shipped one.
    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
    }

    /// The profile names whose observations apply to this profile: its own and, for an
    /// alternative reading of a service, that service's profile.
    public var observationNames: [String] { [name] + (alternativeTo.map { [$0] } ?? []) }

    /// The behaviour for a mode.
    public func behaviour(provisioned isProvisioned: Bool) -> ScalingBehaviour {
        isProvisioned ? provisioned : onDemand
    }
}
