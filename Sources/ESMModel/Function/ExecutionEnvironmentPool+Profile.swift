import EventEngine

extension ExecutionEnvironmentPool {
    /// The pool of `function` under `profile`'s scaling rate and idle lifetime, with the
    /// function's provisioned concurrency warm from the start.
    public init(_ function: FunctionSpec, profile: BehaviourProfile) {
        self.init(
            provisioned: function.provisionedConcurrentExecutions,
            scalingRate: EnvironmentScalingRate(
                limit: Int(profile.scalingRateEnvironments), window: Ticks.seconds(profile.scalingRateWindowSeconds)),
            idleLifetime: Ticks.seconds(profile.idleEnvironmentLifetimeSeconds))
    }
}
