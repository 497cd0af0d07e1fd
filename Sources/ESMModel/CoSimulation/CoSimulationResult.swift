/// What a co-simulation produced: every ESM's own result, the function-wide total, and
/// the EPU time of every poller group.
public struct CoSimulationResult: Equatable, Sendable {
    /// EPU time a poller group is billed.
    public struct GroupBill: Equatable, Sendable {
        /// The group's `PollerGroupName`.
        public var name: String
        /// Its ESMs, as indices into `mappings`.
        public var members: [Int]
        /// EPU-seconds billed for the whole group (per second, one-minute minimum per EPU).
        public var epuSeconds: Int64
    }

    /// Each ESM's rows and summary, in scenario order. Rows cover the same times for every
    /// ESM (an ESM that settled early keeps being sampled until the whole run ends). A
    /// grouped ESM's `epus` column shows its group's EPUs and its summary's `epuSeconds` is
    /// 0: the group is billed once, in `groups`.
    public var mappings: [RunResult]
    /// The function-wide result: counts and lags summed over the ESMs, concurrency of the
    /// function as a whole, EPUs of every group and ungrouped ESM.
    public var total: RunResult
    /// The poller groups' bills, in order of first appearance.
    public var groups: [GroupBill]
}
