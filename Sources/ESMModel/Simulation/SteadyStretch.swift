import EventEngine

/// What the compressed path (`ESMSimulation+Compression`) remembers while it looks for a
/// repeating cycle, and what it skipped.
///
/// At every commit of one anchor partition the model's state is taken apart into a
/// signature (everything relative to the time: phases, batches, queued events, pollers,
/// random streams) and linear counts (offsets and totals). When a signature recurs, the
/// model is in a cycle of the time between the two snapshots, and the counts grow by the
/// same amount every cycle.
struct SteadyStretch {
    /// The model state at one anchor commit.
    struct Snapshot {
        var time: SimTime
        /// Events handled by then.
        var handled: Int
        /// Age-histogram additions recorded by then.
        var journalCount: Int
        /// The state relative to `time`; equal signatures mean the same future, shifted.
        var signature: [Int64]
        /// The signature's hash, compared first.
        var signatureHash: Int
        /// Counts that grow by the same amount every cycle.
        var counts: [Int64]
        /// Byte counts (whole numbers) that do likewise.
        var bytes: [Double]
        /// The random streams, which a repeating cycle must not have drawn from.
        var random: ESMSimulation.Randomness
        /// The first time something outside the cycle happens (a sample, scaler reading,
        /// actuation, the end of production, an EPU metering boundary, the horizon).
        var nextOutsideEvent: SimTime
        /// Records in the topic (backlog included).
        var produced: Int64
        /// When the arrival rate changes next (`SimTime.max` once production is over).
        var rateChange: SimTime
        /// How far ahead of `time` the pending partition events and remembered fills reach:
        /// they were decided from arrivals up to then.
        var lookahead: SimTime
    }

    /// Snapshots kept while looking for a recurrence: a cycle may span several anchor
    /// commits (production whose rate is not a whole number of records per anchor cycle
    /// repeats only after several, with a tick of rounding between them).
    static let historyLimit = 32
    /// Snapshots a backlog drain usually takes to see its cycle repeat (`WorkEstimate`).
    static let typicalSnapshots = 4
    /// Snapshots taken between two outside moments before the search gives up until the
    /// next. Each search that finds nothing halves the next one's budget (down to
    /// `minimumBudget`) and a skip restores it: a run that does not settle into a cycle
    /// (partitions sharing a poller, a rate whose pattern has a long period) then pays
    /// for a few snapshots a minute, not one per anchor commit.
    static let snapshotBudget = 2 * historyLimit
    static let minimumBudget = 4

    /// Whether the run may compress at all (`CompressionEligibility`).
    let eligible: Bool
    /// Whether it may compress while production runs.
    let whileProducing: Bool
    /// The partition split's period (`PartitionSplit.period`) when it may.
    let splitPeriod: Int64
    /// Each partition's share of the backlog: records below it arrived at 0.
    let backlog: [Int64]
    /// The partition whose commits are the snapshot times; nil until the first commit.
    var anchor: Int32?
    var history: [Snapshot] = []
    /// Snapshots taken since the last outside moment, and how many may be.
    var snapshotsTaken = 0
    var budget = snapshotBudget
    /// Until when a rebalance pause is running: no snapshot can repeat before (a paused
    /// partition's wake-up is fixed in time, not relative to it).
    var pausedUntil: SimTime = 0
    /// Events the engine handled.
    var handled = 0
    /// Events the skipped cycles stand for.
    var skippedEvents = 0
    /// Compressed steps taken, each skipping one or more whole cycles.
    var steps = 0

    init(_ eligibility: CompressionEligibility, backlog: [Int64]) {
        eligible = eligibility.allows
        whileProducing = eligibility.allowsWhileProducing
        splitPeriod = eligibility.splitPeriod ?? 0
        self.backlog = backlog
    }
}
