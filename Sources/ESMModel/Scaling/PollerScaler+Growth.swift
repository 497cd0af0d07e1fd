extension PollerScaler {
    /// With multiplicative growth, a scale-out step while earlier ones are still taking
    /// effect: each evaluation that wants more than the pending count grows that count
    /// again, so the poller count follows `x growthFactor + growthIncrement` per
    /// evaluation, each step arriving `actuationDelay` after its decision (the fluid
    /// model's growth every minute). Under aws-2024's jump-to-wanted growth, nothing.
    mutating func growFurther(_ observation: ScalerObservation, demand: Double, evaluates: Bool) -> Int? {
        guard policy.growth.rule == .multiplicative, let pending = pendingTarget else { return nil }
        let outTarget = estimate.pollers(toDeliver: demand * policy.scaleOutHeadroom, policy)
        guard outTarget > pending, observation.throttles == 0 else {
            highEvaluations = 0
            return nil
        }
        highEvaluations += 1
        guard evaluates && highEvaluations >= policy.scaleUpEvaluations else { return nil }
        return begin(scaleOutStep(from: pending, wanted: outTarget), from: pending)
    }

    /// The count one scale-out from `current` goes to: the growth rule's next count,
    /// limited to `maxScaleUpStep` more pollers when that is set.
    func scaleOutStep(from current: Int, wanted: Int) -> Int {
        let grown = policy.growth.next(after: current, wanted: wanted)
        let step = policy.maxScaleUpStep
        return step > 0 ? min(grown, current + step) : grown
    }
}
