import EventEngine

extension WorkEstimate {
    /// Attempts the function's scaling rate throttles while it creates the environments
    /// for `concurrent` invocations at once: every one beyond the provisioned environments
    /// and a window's allowance retries until the windows needed for them have passed.
    ///
    /// Counts one ramp from nothing; idle environments reclaimed and needed again would
    /// ramp again, but then demand grows from what is still warm.
    static func scalingRateThrottles(_ configuration: ModelConfiguration, concurrent: Double, horizon: Double) -> Double {
        let profile = configuration.profile
        let allowance = max(profile.scalingRateEnvironments, 1)
        let excess = concurrent - Double(configuration.function.provisionedConcurrentExecutions) - allowance
        guard excess > 0 else { return 0 }
        let ramp = min(horizon, (excess / allowance).rounded(.up) * profile.scalingRateWindowSeconds)
        let retry = max(profile.throttleRetrySeconds, Ticks.toSeconds(1))
        return excess * (ramp / retry + 1)
    }
}
