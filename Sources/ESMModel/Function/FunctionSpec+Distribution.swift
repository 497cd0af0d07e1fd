import EventEngine

extension FunctionSpec {
    /// The distribution durations are drawn from, nil for `{baseMs, perRecordMs}`.
    public var durationDistribution: Distribution? {
        if case .distribution(let distribution) = duration { return distribution }
        return nil
    }
}
