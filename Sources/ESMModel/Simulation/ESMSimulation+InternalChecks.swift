import EventEngine

extension ESMSimulation {
    /// Whether this build checks the model's structure after every event (debug builds,
    /// where the package defines `ESMSIM_INTERNAL_CHECKS`).
    public static var internalChecksEnabled: Bool {
        #if ESMSIM_INTERNAL_CHECKS
        return true
        #else
        return false
        #endif
    }

    /// Checks the model's invariants after `event`; compiled to nothing unless
    /// `ESMSIM_INTERNAL_CHECKS` is defined.
    ///
    /// A partition event checks that partition and the running totals, which is O(1), so
    /// the checks can run after every event; a sample, which already visits every
    /// partition, also checks the structure across partitions and pollers.
    @inline(__always)
    mutating func checkInvariants(after event: ModelEvent, at now: SimTime) {
        #if ESMSIM_INTERNAL_CHECKS
        checkTotals()
        switch event {
        case .fetch(let partition), .invokeStart(let partition), .invokeEnd(let partition), .commit(let partition):
            checkOffsets(of: Int(partition), at: now)
        case .sample:
            checkStructure(at: now)
        case .evaluate, .actuate, .productionEnded:
            break
        }
        #endif
    }

    /// Checks that an invocation start applied by `settleConcurrency` found an environment:
    /// a start committed to before its time (shortcut 1) must never meet the scaling rate.
    @inline(__always)
    func checkEnvironment(_ assignment: ExecutionEnvironmentPool.Assignment, at time: SimTime) {
        #if ESMSIM_INTERNAL_CHECKS
        precondition(assignment != .throttled, "an invocation started at \(time) with no environment the scaling rate allows")
        #endif
    }

    /// Checks the whole structure after a compressed step to `now`; compiled to nothing
    /// unless `ESMSIM_INTERNAL_CHECKS` is defined.
    @inline(__always)
    mutating func checkAfterSkip(at now: SimTime) {
        #if ESMSIM_INTERNAL_CHECKS
        checkTotals()
        checkStructure(at: now)
        precondition(totals.recordAges.total == Double(totals.counts.processed) || configuration.settings.filterMatchShare != nil,
                     "record ages count \(totals.recordAges.total) records, \(totals.counts.processed) processed")
        #endif
    }

    #if ESMSIM_INTERNAL_CHECKS
    /// Counters that must agree whatever event ran last.
    func checkTotals() {
        precondition(concurrency >= 0, "concurrency \(concurrency) is negative")
        precondition(
            concurrency <= max(configuration.function.concurrencyLimit, 0),
            "concurrency \(concurrency) is above the function's limit \(configuration.function.concurrencyLimit)")
        precondition(
            totals.counts.committed == totals.counts.processed + totals.counts.dropped,
            "committed \(totals.counts.committed) != processed \(totals.counts.processed) + dropped \(totals.counts.dropped)")
        precondition(pollers.count >= 1, "no pollers")
        precondition(
            pollers.count >= pollerFloor && pollers.count <= scaler.policy.ceiling,
            "\(pollers.count) pollers outside \(pollerFloor)...\(scaler.policy.ceiling)")
    }

    /// One partition's offsets: committed <= fetched <= log end.
    mutating func checkOffsets(of index: Int, at now: SimTime) {
        let partition = partitions[index]
        // Before an AT_TIMESTAMP start's first record arrives, the partition's start is past its log end.
        let logEnd = split.count(of: index, total: max(curve.count(at: now), constants.skippedRecords))
        precondition(
            partition.committed <= partition.fetched,
            "partition \(index): committed \(partition.committed) is past fetched \(partition.fetched)")
        precondition(
            partition.fetched <= logEnd,
            "partition \(index): fetched \(partition.fetched) is past the log end \(logEnd)")
        precondition(
            partition.phase == .inFlight || partition.committed == partition.fetched,
            "partition \(index): records fetched but not committed with no batch in flight")
    }

    /// Structure across partitions and pollers: slot counts match the batches in flight,
    /// payloads spanning partitions list the partitions riding in them and keep to
    /// `BatchSize`, every invocation belongs to a batch in flight, and the committed
    /// offsets add up.
    mutating func checkStructure(at now: SimTime) {
        var slots = [Int](repeating: 0, count: pollers.count)
        var assigned = [Int](repeating: 0, count: pollers.count)
        var inFlight = 0
        var committedSum: Int64 = 0
        let backlogSkipped = constants.skippedRecords
        for index in partitions.indices {
            checkOffsets(of: index, at: now)
            let partition = partitions[index]
            committedSum += partition.committed
            precondition(Int(partition.poller) < pollers.count, "partition \(index) is on poller \(partition.poller) of \(pollers.count)")
            assigned[Int(partition.poller)] += 1
            if partition.phase == .inFlight && partition.payloadLead >= 0 {
                // Riding in another partition's payload: that lead holds the slot.
                let lead = partitions[Int(partition.payloadLead)]
                precondition(
                    lead.phase == .inFlight && lead.payloadSlices.contains { $0.partition == Int32(index) },
                    "partition \(index) rides in partition \(partition.payloadLead)'s payload, which does not list it")
            } else if partition.phase == .inFlight {
                precondition(
                    partition.payloadSlices.isEmpty || partition.payloadSlices.reduce(Int64(0)) { $0 + $1.invokedRecords } == partition.batchRecords,
                    "partition \(index)'s payload slices do not add up to its \(partition.batchRecords) records")
                precondition(partition.batchRecords <= constants.batchLimit, "partition \(index)'s batch exceeds BatchSize")
                inFlight += 1
                let poller = Int(partition.batchPoller)
                precondition(poller < pollers.count, "partition \(index)'s batch holds a slot on missing poller \(poller)")
                slots[poller] += 1
            }
        }
        for index in pollers.indices {
            precondition(
                slots[index] == pollers[index].inFlight,
                "poller \(index) counts \(pollers[index].inFlight) batches in flight, partitions hold \(slots[index])")
        }
        // Sticky rebalances keep the assignment balanced.
        precondition(
            (assigned.max() ?? 0) - (assigned.min() ?? 0) <= 1,
            "poller loads \(assigned) differ by more than one partition")
        precondition(concurrency <= inFlight, "\(concurrency) invocations but only \(inFlight) batches in flight")
        precondition(
            sharedConcurrency != nil || environments.busy == concurrency,
            "\(environments.busy) environments busy, but \(concurrency) invocations running")
        precondition(
            committedSum - backlogSkipped == totals.counts.committed,
            "partition offsets add up to \(committedSum - backlogSkipped) committed, the total says \(totals.counts.committed)")
    }
    #endif
}
