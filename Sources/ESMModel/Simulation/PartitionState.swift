import EventEngine

/// What the model tracks for one partition: offsets, the batch in flight, and its poller.
struct PartitionState {
    /// Where a partition is in its fetch-invoke-commit cycle.
    enum Phase: UInt8 {
        /// Nothing to do until new records arrive, and none will.
        case idle
        /// A `fetch` event is scheduled at `wakeAt`.
        case waiting
        /// A batch is ready but the poller has no free slot; it is in the poller's queue.
        case queued
        /// A batch is between fetch and commit.
        case inFlight
    }

    /// Records fetched so far, as a count from the partition's start (the next offset to fetch).
    var fetched: Int64
    /// Committed offset (records committed, processed or dropped).
    var committed: Int64
    var phase: Phase = .idle
    var wakeAt: SimTime = 0
    /// The poller the partition is assigned to.
    var poller: Int32 = 0
    /// Until when the partition stops fetching, because a rebalance moved it.
    var pausedUntil: SimTime = 0
    /// The poller whose slot the batch in flight holds.
    var batchPoller: Int32 = 0
    /// Records of the batch in flight the filters let through, from fetch to commit.
    var batchRecords: Int64 = 0
    /// Records the batch in flight polled, filtered-out ones included: its offsets' advance.
    var batchPolledRecords: Int64 = 0
    var batchBytes: Double = 0
    /// Failed attempts of the part of the batch being invoked.
    var batchAttempts: Int32 = 0
    var batchFailed = false
    /// With `ReportBatchItemFailures`, the records of the current invocation before the
    /// first one the function reported failed; -1 when it reported none.
    var reportedFailureAt: Int64 = -1
    /// Records of the batch given up on (retries exhausted or too old), counted at commit.
    var batchDroppedRecords: Int64 = 0
    /// Records of the batch committed before the batch is done, because a partial batch
    /// response reported a later record failed: the invoked ones, and the offsets (polled
    /// records) they cover.
    var batchCommittedInvoked: Int64 = 0
    var batchCommittedPolled: Int64 = 0
    /// Records in the current invocation: the whole batch unless it was split or aged.
    var invocationRecords: Int64 = 0
    /// Parts of the batch still to invoke after the current one, the next last, each with
    /// the failed attempts it inherited when `BisectBatchOnFunctionError` split it off.
    var pendingParts: [(records: Int64, attempts: Int32)] = []
    /// When the batch was fetched (its poller's byte budget allowing), the time it spent
    /// waiting out throttles, and the time its invocations ran: what it cost the scaler's
    /// capacity estimate.
    var batchFetchedAt: SimTime = 0
    var batchThrottledTicks: SimTime = 0
    var batchInvocationTicks: SimTime = 0
    /// Arrival times of the batch's first and last records (for record age).
    var batchFirstArrival: SimTime = 0
    var batchLastArrival: SimTime = 0
    /// Arrival time of the last record fetched: every later question about arrivals is at or after it.
    var lastFetchedArrival: SimTime = 0
    /// When the batch in flight spans partitions (`ESMSimulation+SharedPayload`): on the
    /// partition that leads it, every slice, its own first; empty otherwise. The lead's
    /// batch fields count the whole payload.
    var payloadSlices: [PayloadSlice] = []
    /// On a partition whose records ride in another partition's payload, that lead
    /// partition; -1 when the partition's batch (if any) is its own.
    var payloadLead: Int32 = -1

    /// When the batch's record at `position` (0-based, in payload order) arrived, taking
    /// its records as spread evenly between its first and last arrival.
    func arrival(ofBatchRecord position: Int64) -> SimTime {
        guard position > 0, batchRecords > 0 else { return batchFirstArrival }
        let span = Double(batchLastArrival - batchFirstArrival)
        return batchFirstArrival + SimTime((span * Double(min(position, batchRecords)) / Double(batchRecords)).rounded())
    }

    /// Two remembered (record, arrival time) answers; record 0 means empty.
    private var rememberedRecords: (Int64, Int64) = (0, 0)
    private var rememberedTimes: (SimTime, SimTime) = (0, 0)

    /// A remembered arrival time of `record`, if any.
    func knownArrival(of record: Int64) -> SimTime? {
        if rememberedRecords.0 == record { return rememberedTimes.0 }
        if rememberedRecords.1 == record { return rememberedTimes.1 }
        return nil
    }

    /// Remembers an arrival time, replacing the older of the two answers.
    mutating func remember(arrival time: SimTime, of record: Int64) {
        rememberedRecords = (record, rememberedRecords.0)
        rememberedTimes = (time, rememberedTimes.0)
    }

    init(start: Int64) {
        fetched = start
        committed = start
    }
}
