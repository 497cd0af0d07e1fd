import EventEngine

/// Payloads that span partitions: "A single Lambda payload can contain messages from
/// multiple partitions" (DOC with-kafka-configure).
///
/// A poller serving several partitions fills one batch from them. `BatchSize` and the
/// payload limit count the records of every partition in it; each partition still has at
/// most one batch in flight, so ordering within a partition is kept. The batch is carried
/// by its lead partition, the one whose fetch sent it (its window ran out first, so its
/// first record is the payload's oldest, or the records filled the batch): the lead's
/// batch fields count the whole payload, holds the poller slot and drives the events
/// (`invokeStart`, `invokeEnd`, `commit`), and `payloadSlices` lists each partition's part.
/// The other partitions are in flight with `payloadLead` naming the lead, and are
/// committed with it. Retries, bisection and record age act on the payload as a whole.
///
/// Unpublished details, assumed here:
/// - **Which partitions join.** After the lead's records, the poller adds its other
///   partitions that have records and no batch in flight (and are not paused by a
///   rebalance), oldest first record first (ties by partition index). A partition joins
///   with all its waiting records or, when they would take the payload past `BatchSize`
///   or the payload limit, not at all: a partition is never left with a remainder it
///   cannot fetch until the shared batch commits, so a busy topic (whose partitions fill
///   batches of their own) keeps one batch per partition, as before.
/// - **When the shared batch is full.** It goes out when the records waiting on the
///   poller's partitions together reach `BatchSize`, or when the batching window, which
///   starts at the first record of the shared batch, runs out.
/// - **Record age** of a payload spanning partitions takes its records as spread evenly
///   between its oldest and newest arrival when `MaximumRecordAgeInSeconds` drops some.
extension ESMSimulation {
    /// Whether a payload of `poller` may take records of several partitions: it serves more than one.
    func sharesPayloads(_ poller: Int) -> Bool {
        pollers[poller].partitions.count > 1
    }

    /// Whether `index` can add its records to a payload now: no batch in flight, not paused.
    func canJoinPayload(_ index: Int, at now: SimTime) -> Bool {
        partitions[index].phase != .inFlight && now >= partitions[index].pausedUntil
    }

    /// Adds to `payload`, led by partition `lead`, the waiting records of the other
    /// partitions of `poller`, oldest first record first, until the batch is full.
    /// - Complexity: O(k log k) for the k partitions of the poller.
    mutating func addSlices(to payload: inout PayloadDraft, lead: Int, poller: Int, at now: SimTime) {
        let total = curve.count(at: now)
        var candidates: [(firstArrival: SimTime, partition: Int, logEnd: Int64)] = []
        for member in pollers[poller].partitions.lazy.map(Int.init) where member != lead && canJoinPayload(member, at: now) {
            let logEnd = split.count(of: member, total: total)
            let fetched = partitions[member].fetched
            guard logEnd > fetched,
                  let first = arrivalTime(ofRecord: fetched + 1, in: member, atLeast: partitions[member].lastFetchedArrival)
            else { continue }
            candidates.append((first, member, logEnd))
        }
        candidates.sort { ($0.firstArrival, $0.partition) < ($1.firstArrival, $1.partition) }
        let payloadLimit = configuration.profile.payloadLimitBytes
        for candidate in candidates {
            let room = constants.batchLimit - payload.invokedRecords
            let byteRoom = payloadLimit - payload.invokedBytes
            guard room > 0, byteRoom > 0 else { break }
            // A partition joins with all its waiting records or not at all.
            let waiting = matchedRecords(upTo: candidate.logEnd) - matchedRecords(upTo: partitions[candidate.partition].fetched)
            guard waiting <= room, Double(waiting) * constants.recordSizeMean <= byteRoom else { continue }
            let part = takeSlice(
                of: candidate.partition, upTo: candidate.logEnd, room: room, byteRoom: byteRoom, keepingOne: false, at: now)
            guard part.slice.polledRecords > 0 else { continue }
            payload.add(part.slice, invokedBytes: part.invokedBytes, polledBytes: part.polledBytes)
            partitions[candidate.partition].phase = .inFlight
            partitions[candidate.partition].payloadLead = Int32(lead)
        }
    }

    /// When the records waiting on `poller`'s partitions that can join a payload together
    /// reach `BatchSize`, if that is before `deadline`; nil when they do not, or when the
    /// poller serves a single partition.
    ///
    /// The answer is remembered on the poller until one of its batches is fetched or
    /// committed or the partitions move, which are the only changes to what it counts.
    /// - Complexity: O(k log n) for the poller's k partitions, when not remembered.
    mutating func pooledFillTime(poller: Int, before deadline: SimTime, at now: SimTime) -> SimTime? {
        guard sharesPayloads(poller) else { return nil }
        if let known = pollers[poller].pooledFill, known.time != nil || known.horizon >= deadline {
            return known.time.flatMap { $0 < deadline ? $0 : nil }
        }
        let members = pollers[poller].partitions.map(Int.init).filter { canJoinPayload($0, at: now) }
        let matchedFetched = members.reduce(Int64(0)) { $0 + matchedRecords(upTo: partitions[$1].fetched) }
        let split = self.split
        let filter = constants.filter
        // Records of the members the filters let through once the topic holds `total`, not yet fetched.
        func pooled(_ total: Int64) -> Int64 {
            members.reduce(Int64(0)) { sum, member in
                let logEnd = split.count(of: member, total: total)
                return sum + (filter?.count(of: logEnd) ?? logEnd)
            } - matchedFetched
        }
        let goal = constants.batchLimit
        var low = curve.count(at: now)
        var fill = PooledFill(time: nil, horizon: deadline)
        if pooled(low) >= goal {
            fill.time = now
        } else {
            var high = curve.count(at: deadline)
            if pooled(high) >= goal {
                // pooled(low) < goal <= pooled(high): the smallest topic count that fills.
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if pooled(middle) >= goal { high = middle } else { low = middle }
                }
                fill.time = curve.time(reaching: high, notBefore: now)
            }
        }
        pollers[poller].pooledFill = fill
        return fill.time.flatMap { $0 < deadline ? $0 : nil }
    }

    /// Ends the shared part of the payload `lead` commits: its other partitions' slices
    /// are committed and the partitions left idle. Returns those partitions, to fetch again.
    mutating func releaseSlices(ledBy lead: Int) -> [Int] {
        let slices = partitions[lead].payloadSlices
        guard !slices.isEmpty else { return [] }
        partitions[lead].payloadSlices = []
        var released: [Int] = []
        for slice in slices.dropFirst() {
            let member = Int(slice.partition)
            partitions[member].committed = partitions[member].fetched
            partitions[member].phase = .idle
            partitions[member].payloadLead = -1
            pollers[Int(partitions[member].poller)].pooledFill = nil
            released.append(member)
        }
        return released
    }

    /// Counts the ages, at `now`, of the `processed` records a batch of `lead` delivered:
    /// slice by slice for a payload spanning partitions with none dropped, otherwise as
    /// records spread over the batch's arrivals.
    mutating func addRecordAges(ofBatch lead: Int, processed: Int64, at now: SimTime) {
        let batch = partitions[lead]
        guard processed == batch.batchRecords, !batch.payloadSlices.isEmpty else {
            // Records committed early (a partial batch response) were the oldest.
            let oldest = batch.arrival(ofBatchRecord: batch.batchCommittedInvoked)
            totals.recordAges.add(records: processed, oldest: now - oldest, newest: now - batch.batchLastArrival, at: now)
            return
        }
        for slice in batch.payloadSlices where slice.invokedRecords > 0 {
            totals.recordAges.add(
                records: slice.invokedRecords, oldest: now - slice.firstArrival, newest: now - slice.lastArrival, at: now)
        }
    }

    /// Lists each poller's partitions from the assignment, and forgets the pooled fills
    /// it changes.
    /// - Complexity: O(partitions + pollers).
    mutating func listPollerPartitions() {
        for poller in pollers.indices {
            pollers[poller].partitions.removeAll(keepingCapacity: true)
            pollers[poller].pooledFill = nil
        }
        for index in partitions.indices { pollers[Int(partitions[index].poller)].partitions.append(Int32(index)) }
    }
}
