import EventEngine

/// Lambda's concurrency scaling rate for one function: at most `limit` new execution
/// environments in any `window` (DOC scaling-behavior: 1,000 every 10 seconds).
///
/// A sliding window, not a bucket refilled every `window`: the docs say Lambda refills
/// the rate "continuously" and "does not accrue unused portions", so the most it ever
/// grants is `limit` units at once. Keeping the creation times of the last `limit`
/// environments gives exactly that: a new one is allowed when the `limit`-th most recent
/// is at least `window` old, so no span of `window` ever holds more than `limit` creations.
public struct EnvironmentScalingRate: Equatable, Sendable {
    /// Most new environments in any `window`.
    public let limit: Int
    /// The span the limit applies to, in ticks.
    public let window: SimTime
    /// Creation times of the last `limit` environments: a ring, oldest at `oldest` once full.
    private var creations: [SimTime] = []
    private var oldest = 0

    /// A rate of `limit` new environments per `window` ticks (both at least 1).
    public init(limit: Int, window: SimTime) {
        self.limit = max(1, limit)
        self.window = max(1, window)
    }

    /// Whether a new environment may be created at `time` (no earlier than the last creation).
    ///
    /// - Complexity: O(1).
    public func allows(at time: SimTime) -> Bool {
        creations.count < limit || creations[oldest] + window <= time
    }

    /// Moves every remembered creation `shift` later (a compressed step of the run).
    public mutating func shift(by shift: SimTime) {
        for index in creations.indices { creations[index] += shift }
    }

    /// Records a new environment created at `time`, which `allows(at:)` must permit.
    ///
    /// - Complexity: O(1) amortized; memory grows to `limit` times.
    public mutating func record(at time: SimTime) {
        if creations.count < limit {
            creations.append(time)
            return
        }
        creations[oldest] = time
        oldest = (oldest + 1) % limit
    }
}
