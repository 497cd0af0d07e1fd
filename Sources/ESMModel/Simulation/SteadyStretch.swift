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
        /// Kept only for the newest snapshot: older ones are compared by hash, and the
        /// replay of a cycle compares the whole state before a step.
        var signature: [Int64]
        /// The signature's hash, compared first.
        var signatureHash: Int
        /// Counts that grow by the same amount every cycle.
        var counts: [Int64]
        /// The random streams, which a repeating cycle must not have drawn from.
        var random: ESMSimulation.Randomness
        /// The first time something outside the cycle happens that a step may not pass
        /// (an actuation, the end of production, the horizon, a plan's drain deadline).
        var nextOutsideEvent: SimTime
        /// When the next sample and scaler reading are due: moments a step may pass
        /// (`ESMSimulation+ReadThrough`).
        var nextSample: SimTime
        var nextReading: SimTime
        /// When the scaler last read the metrics.
        var lastReading: SimTime
        /// Whether the arrivals repeat with the cycle: production is over, or a partition
        /// fetching production put the arrivals' phase into the signature.
        var arrivalsRepeat: Bool
        /// Records in the topic (backlog included).
        var produced: Int64
        /// When the arrival rate changes next (`SimTime.max` once production is over).
        var rateChange: SimTime
        /// How far ahead of `time` the pending partition events and remembered fills reach:
        /// they were decided from arrivals up to then.
        var lookahead: SimTime
    }

    /// Snapshots kept while looking for a recurrence: a cycle may span many anchor commits
    /// (production whose rate is not a whole number of records per anchor cycle repeats
    /// only after several; five partitions of a poller whose batches differ repeat only
    /// after some 350 of the anchor's commits in the bench's day).
    static let historyLimit = 1_024
    /// Count words the kept snapshots may hold in all: a model with many partitions keeps
    /// fewer snapshots, so the search stays within some 8 MB.
    static let historyWords = 1_000_000

    /// The snapshots to keep when each holds `words` counts.
    static func historyLimit(countWords words: Int) -> Int {
        min(historyLimit, max(32, historyWords / max(words, 1)))
    }

    /// Snapshots a backlog drain usually takes to see its cycle repeat (`WorkEstimate`).
    static let typicalSnapshots = 4
    /// Snapshots a full search takes before it gives up. A run that does not settle into a
    /// cycle (a rate whose pattern has a long period, a scaler that keeps changing the
    /// poller count) must not pay for a snapshot at every anchor commit, so after a full
    /// search fails the next searches take `minimumBudget` snapshots (enough for a backlog
    /// drain's one-commit cycle) and a full one comes after 2, 4, ... up to
    /// `quietSearchLimit` of them, one per sample or scaler reading (`searchFailed`).
    static let snapshotBudget = 2 * historyLimit
    static let quietSearchLimit = 256
    static let minimumBudget = 4
    /// Outside moments one compressed step may pass: it bounds the replay's readings.
    static let momentLimit = 20_000

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
    /// Snapshots taken by the last sample or scaler reading: none since means the search stalled.
    var snapshotsAtLastMoment = -1
    var budget = snapshotBudget
    /// Full searches that failed since the last step, and small searches left before the next full one.
    var failedSearches = 0
    var quietSearchesLeft = 0
    /// Until when a rebalance pause is running: no snapshot can repeat before (a paused
    /// partition's wake-up is fixed in time, not relative to it).
    var pausedUntil: SimTime = 0
    /// Batch events the engine handled (samples, readings and actuations are counted apart).
    var handled = 0
    /// Whether this is a copy of the model replaying a cycle (`replayCycle`): it takes no steps.
    var replaying = false
    /// The time of the event being handled, and the furthest ahead of it a batch event was scheduled.
    var clock: SimTime = 0
    var longestLead: SimTime = 0
    /// Events the skipped cycles stand for.
    var skippedEvents = 0
    /// Compressed steps taken, each skipping one or more whole cycles.
    var steps = 0
    /// Outside moments those steps passed (`ESMSimulation+ReadThrough`).
    var passedMoments = 0

    init(_ eligibility: CompressionEligibility, backlog: [Int64]) {
        eligible = eligibility.allows
        whileProducing = eligibility.allowsWhileProducing
        splitPeriod = eligibility.splitPeriod ?? 0
        self.backlog = backlog
    }

    /// Sets the next search's budget after one that found no cycle.
    mutating func searchFailed() {
        if budget == Self.snapshotBudget {
            failedSearches += 1
            quietSearchesLeft = min(1 << min(failedSearches, 20), Self.quietSearchLimit)
            budget = Self.minimumBudget
        } else if quietSearchesLeft > 1 {
            quietSearchesLeft -= 1
        } else {
            budget = Self.snapshotBudget
        }
    }

    /// Sets the next search's budget after a step: a full one.
    mutating func searchSucceeded() {
        budget = Self.snapshotBudget
        failedSearches = 0
        quietSearchesLeft = 0
    }
}
