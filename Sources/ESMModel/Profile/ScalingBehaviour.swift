/// How pollers behave and scale in one ESM mode (on-demand or provisioned).
///
/// Every field is a behavioural constant of the real service; values come from a
/// `BehaviourProfile` file, never from a scenario or a code path.
public struct ScalingBehaviour: Equatable, Sendable {
    /// Pollers an ESM starts with (on-demand; provisioned mode starts at `MinimumPollers`).
    public var initialPollers: Double = 1
    /// The fewest pollers the mode scales down to (on-demand; provisioned uses `MinimumPollers`).
    public var minimumPollers: Double = 1
    /// Concurrent batches one poller keeps in flight, from fetch to commit.
    public var invocationsPerPoller: Double = 5
    /// Bytes per second one poller can fetch.
    public var pollerBytesPerSecond: Double = 5_000_000
    /// Time from fetching a batch to the invocation starting (poll and invoke overhead).
    public var pollOverheadSeconds: Double = 0
    /// Time from the invocation ending to the offsets being committed.
    public var commitOverheadSeconds: Double = 0
    /// How often the scaler evaluates, and may change the poller count.
    public var evaluationIntervalSeconds: Double = 60
    /// How often the scaler reads its metrics (arrivals, lag, throughput); at most the evaluation interval.
    public var readingIntervalSeconds: Double = 60
    /// Consecutive evaluations with too much lag before the scaler adds pollers.
    public var scaleUpEvaluations: Double = 1
    /// Time from a scaling decision to the new pollers running.
    public var actuationDelaySeconds: Double = 0
    /// Capacity the scaler provides over the demand (arrivals plus lag to work off) when it adds pollers.
    public var scaleOutHeadroom: Double = 1.2
    /// Capacity the remaining pollers must keep over the demand before the scaler removes any.
    public var scaleInHeadroom: Double = 1.5
    /// Time within which the scaler aims to work off the offset lag: lag / this adds to the demand.
    public var lagWorkOffSeconds: Double = 300
    /// Most pollers one scale-up adds (0: straight to the wanted count).
    public var maxScaleUpStep: Double = 0
    /// How long the wanted count must stay below the current one before scaling down.
    public var scaleDownDelaySeconds: Double = 0
    /// Most pollers one scale-down removes (0: straight to the wanted count).
    public var maxScaleDownStep: Double = 0
    /// Pollers removed at an evaluation that saw the function throttled (0: none).
    public var throttleScaleDownStep: Double = 0
    /// How a scale-out grows the poller count (aws-2024: straight to the wanted count).
    public var pollerGrowth = PollerGrowth.toWanted
    /// With `.multiplicative` growth: the factor each scale-out multiplies the pollers by.
    public var growthFactor: Double = 1.5
    /// With `.multiplicative` growth: the pollers each scale-out adds after multiplying.
    public var growthIncrement: Double = 15

    /// Creates a behaviour with neutral defaults; profiles set every field.
    public init() {}
}
