import EventEngine

/// The fixed inputs of the scaler: the mode's poller bounds, what one poller and the
/// function can hold, and the behaviour profile's scaling constants.
public struct ScalerPolicy: Equatable, Sendable {
    /// The fewest pollers (on-demand: the profile's minimum; provisioned: `MinimumPollers`,
    /// capped at the partition count).
    public var floor: Int
    /// The most pollers (the partition count, and in provisioned mode `MaximumPollers`).
    public var ceiling: Int
    /// Partitions in the topic: each holds at most one batch in flight.
    public var partitions: Int
    /// Batches one poller keeps in flight.
    public var slotsPerPoller: Int
    /// Records in a full batch (`BatchSize`, or fewer when the payload limit binds).
    public var batchRecords: Double
    /// Bytes per second one poller can fetch.
    public var pollerBytesPerSecond: Double
    /// The function's concurrency limit (reserved concurrency, else the account's).
    public var concurrencyLimit: Int
    /// Time between evaluations, when the scaler may act.
    public var evaluationInterval: SimTime
    /// Time between readings of the metrics (at most `evaluationInterval`).
    public var readingInterval: SimTime
    /// Consecutive readings wanting more pollers before the scaler adds them.
    public var scaleUpEvaluations: Int
    /// How long the scaler must want fewer pollers before it removes them.
    public var scaleDownDelay: SimTime
    /// Most pollers one scale-out adds (0: no limit).
    public var maxScaleUpStep: Int
    /// Most pollers one scale-in removes (0: no limit).
    public var maxScaleDownStep: Int
    /// Pollers removed at an evaluation that saw throttling (0: throttling removes none).
    public var throttleScaleDownStep: Int
    /// Capacity the scaler provides over the demand when it adds pollers.
    public var scaleOutHeadroom: Double
    /// Capacity the remaining pollers must have over the demand before the scaler
    /// removes any; above `scaleOutHeadroom`, so the two thresholds form a band.
    public var scaleInHeadroom: Double
    /// Time within which the scaler aims to work off the offset lag.
    public var lagWorkOffSeconds: Double
    /// How a scale-out grows the count, and with multiplicative growth by how much.
    public var growth: Growth

    /// The policy for a mode's `behaviour` within the given bounds.
    public init(
        behaviour: ScalingBehaviour, floor: Int, ceiling: Int, partitions: Int, batchRecords: Double,
        concurrencyLimit: Int
    ) {
        self.floor = floor
        self.ceiling = ceiling
        self.partitions = partitions
        slotsPerPoller = max(1, Int(behaviour.invocationsPerPoller))
        self.batchRecords = max(1, batchRecords)
        pollerBytesPerSecond = max(behaviour.pollerBytesPerSecond, 1)
        self.concurrencyLimit = concurrencyLimit
        evaluationInterval = max(Ticks.perSecond, Ticks.seconds(behaviour.evaluationIntervalSeconds))
        readingInterval = min(max(Ticks.perSecond, Ticks.seconds(behaviour.readingIntervalSeconds)), evaluationInterval)
        scaleUpEvaluations = max(1, Int(behaviour.scaleUpEvaluations))
        scaleDownDelay = Ticks.seconds(behaviour.scaleDownDelaySeconds)
        maxScaleUpStep = Int(behaviour.maxScaleUpStep)
        maxScaleDownStep = Int(behaviour.maxScaleDownStep)
        throttleScaleDownStep = Int(behaviour.throttleScaleDownStep)
        scaleOutHeadroom = max(behaviour.scaleOutHeadroom, 1)
        scaleInHeadroom = max(behaviour.scaleInHeadroom, scaleOutHeadroom)
        lagWorkOffSeconds = max(behaviour.lagWorkOffSeconds, 1)
        growth = Growth(behaviour)
    }
}
