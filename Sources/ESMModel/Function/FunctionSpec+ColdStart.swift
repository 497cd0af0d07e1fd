import EventEngine

extension FunctionSpec {
    /// How long an on-demand environment's Init phase may run: 10 s (DOC
    /// lambda-runtime-environment: "The Init phase is limited to 10 seconds").
    public static let initLimit: SimTime = 10 * Ticks.perSecond

    /// Whether a new environment's first invocation takes longer than a warm one.
    public var hasColdStartTime: Bool {
        guard let initDuration else { return false }
        if case .constant(let milliseconds) = initDuration { return Ticks.milliseconds(milliseconds) > 0 }
        return true
    }

    /// One invocation of `records` records on a new environment: the Init phase, then
    /// the invocation, in ticks from its start to its end, and whether it timed out.
    ///
    /// An Init within `initLimit` runs before the invocation, whose own time is capped
    /// at the 14-minute timeout. A longer Init is stopped at `initLimit` and run again
    /// inside the invocation, under its timeout (DOC lambda-runtime-environment: Lambda
    /// "retries the Init phase at the time of the first function invocation with the
    /// configured function timeout"). Draws once from each stream, as a warm invocation
    /// draws once from `durations`, so cold starts never shift the durations that follow.
    public func sampleColdInvocation(
        records: Int64, initializations: inout RandomStream, durations: inout RandomStream
    ) -> (duration: SimTime, timedOut: Bool) {
        let warm = sampleInvocation(records: records, &durations)
        let initialization = max(0, Ticks.milliseconds(initDuration?.sample(&initializations) ?? 0))
        guard initialization > Self.initLimit else {
            return (initialization + warm.duration, warm.timedOut)
        }
        if warm.timedOut || initialization + warm.duration > Self.maximumDuration {
            return (Self.initLimit + Self.maximumDuration, true)
        }
        return (Self.initLimit + initialization + warm.duration, false)
    }
}
