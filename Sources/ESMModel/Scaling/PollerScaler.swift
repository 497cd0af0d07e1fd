import EventEngine

/// The ESM's poller scaler: it reads an observation at every reading interval and, at
/// each evaluation, may decide a new poller count, which takes effect when the
/// simulation actuates it.
///
/// It decides from throughput as well as lag. The demand is the arrival rate it observed
/// plus the records waiting to be fetched spread over `lagWorkOffSeconds`. The
/// capacity of any poller count comes from what batches cost (`CapacityEstimate`,
/// measured from the batches committed since the last evaluation) and the limits that
/// bind: one batch per partition, the function's concurrency, each poller's slots and
/// byte budget. It scales out to the fewest pollers giving `scaleOutHeadroom` over the
/// demand (or, with multiplicative growth, one geometric step towards it: `ScalerPolicy.Growth`),
/// after `scaleUpEvaluations` evaluations in a row want more; it scales in only
/// to a count that still gives `scaleInHeadroom` (a wider margin, so steady traffic sits
/// inside the band) and only after wanting fewer for `scaleDownDelay`. Pollers that could
/// add no throughput are never wanted. At an evaluation that saw the function throttled,
/// it adds none and removes `throttleScaleDownStep`, but never below the count that keeps
/// the function's concurrency limit busy. One decision at a time: until the simulation
/// reports it actuated, evaluations only take their readings (except that multiplicative
/// growth keeps growing from the pending count, `growFurther`).
///
/// Readings between evaluations (the 2021 service evaluated every 15 minutes but its
/// metrics came every minute) keep the estimate, the count of readings wanting more and
/// the time since fewer pollers would do up to date; only evaluations act.
///
/// A value type with no access to the simulation, so its decisions can be tested from
/// tables of observations.
public struct PollerScaler: Equatable, Sendable {
    /// The bounds and constants the scaler decides within.
    public let policy: ScalerPolicy
    /// What a batch costs, as last measured (or the prior, before any batch committed).
    public private(set) var estimate: CapacityEstimate
    /// Decisions waiting to take effect (more than one only under multiplicative growth,
    /// whose steps overlap).
    public private(set) var pendingActions = 0
    /// The count the latest pending decision goes to.
    public private(set) var pendingTarget: Int?
    /// Whether a decision is waiting to take effect.
    public var actionPending: Bool { pendingActions > 0 }
    /// Consecutive evaluations that wanted more pollers.
    public internal(set) var highEvaluations = 0
    /// Since when the scaler has wanted fewer pollers, if it does.
    public private(set) var lowSince: SimTime?
    /// The next evaluation: readings before it take no action.
    public private(set) var nextEvaluation: SimTime

    /// A scaler that assumes `prior` until batches say otherwise.
    public init(policy: ScalerPolicy, prior: CapacityEstimate) {
        self.policy = policy
        estimate = prior
        nextEvaluation = policy.evaluationInterval
    }

    /// Reads `observation` and returns the poller count to actuate, or nil to keep the current one.
    public mutating func decide(_ observation: ScalerObservation) -> Int? {
        let demand = readDemand(observation)
        let evaluates = observation.time >= nextEvaluation
        while nextEvaluation <= observation.time { nextEvaluation += policy.evaluationInterval }
        guard !actionPending else { return growFurther(observation, demand: demand, evaluates: evaluates) }
        let current = observation.pollers
        let throttled = observation.throttles > 0
        if throttled && policy.throttleScaleDownStep > 0 && evaluates {
            let keepsFunctionBusy = estimate.pollers(toDeliver: .infinity, functionBoundOnly)
            let target = max(current - policy.throttleScaleDownStep, keepsFunctionBusy, policy.floor)
            if target < current {
                highEvaluations = 0
                lowSince = nil
                return begin(target, from: current)
            }
        }
        let outTarget = estimate.pollers(toDeliver: demand * policy.scaleOutHeadroom, policy)
        let inTarget = estimate.pollers(toDeliver: demand * policy.scaleInHeadroom, policy)
        if outTarget > current && !throttled {
            lowSince = nil
            highEvaluations += 1
            guard evaluates && highEvaluations >= policy.scaleUpEvaluations else { return nil }
            return begin(scaleOutStep(from: current, wanted: outTarget), from: current)
        }
        if inTarget < current {
            highEvaluations = 0
            let since = lowSince ?? observation.time
            lowSince = since
            guard evaluates && observation.time - since >= policy.scaleDownDelay else { return nil }
            let step = policy.maxScaleDownStep
            return begin(step > 0 ? max(inTarget, current - step) : inTarget, from: current)
        }
        highEvaluations = 0
        lowSince = nil
        return nil
    }

    /// Records that the pending decision took effect.
    public mutating func actuated() {
        pendingActions = max(0, pendingActions - 1)
        if pendingActions == 0 { pendingTarget = nil }
    }

    /// The demand in records per second: the arrival rate plus the lag to work off. Also
    /// takes the window's batch costs into the estimate.
    mutating func readDemand(_ observation: ScalerObservation) -> Double {
        estimate.update(with: observation.window)
        return max(0, observation.arrivalRate) + Double(max(0, observation.waitingLag)) / policy.lagWorkOffSeconds
    }

    /// The policy with every limit but the function's lifted: the pollers it yields for an
    /// unbounded rate are those that keep the function's concurrency limit busy.
    private var functionBoundOnly: ScalerPolicy {
        var unbounded = policy
        unbounded.partitions = Int.max / 2
        unbounded.pollerBytesPerSecond = .greatestFiniteMagnitude
        return unbounded
    }

    mutating func begin(_ target: Int, from current: Int) -> Int? {
        highEvaluations = 0
        lowSince = nil
        guard target != current, target > 0 else { return nil }
        pendingActions += 1
        pendingTarget = target
        return target
    }
}
