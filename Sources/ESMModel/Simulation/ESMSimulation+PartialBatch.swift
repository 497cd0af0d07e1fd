import EventEngine
import Foundation

/// Records the function fails one by one (`function.recordFailureShare`), and the partial
/// batch response that reports them (`FunctionResponseTypes: ["ReportBatchItemFailures"]`,
/// DOC kafka-retry-configurations: the response names each failed record by partition
/// and offset).
///
/// Assumed: each record fails independently with the same chance, at every attempt; a
/// function reporting item failures reports the first failed record (the ESM retries
/// from there, so later ones need not be listed). The records before it are done: they
/// are committed at once and never sent again; the batch keeps its poller slot, and its
/// partitions stay in flight, until the rest is done.
extension ESMSimulation {
    /// The number of records before the first failed one among an invocation's `records`,
    /// or nil when every record succeeds: a geometric draw with the function's
    /// `recordFailureShare`, from its own stream so other draws are unchanged.
    mutating func firstFailedRecord(of records: Int64) -> Int64? {
        let share = configuration.function.recordFailureShare
        guard share > 0, records > 0 else { return nil }
        guard share < 1 else { return 0 }
        let unit = random.recordFailures.nextUnit()
        // P(first failure after k successes) = (1 − share)^k · share.
        let successes = (log1p(-unit) / log1p(-share)).rounded(.down)
        return successes < Double(records) ? Int64(successes) : nil
    }

    /// Commits the records of `index`'s batch before the first failure its function
    /// reported, `succeeded` records into the current invocation, with every record
    /// before that part (parts are invoked in offset order, so those are done: processed,
    /// or dropped and not yet counted).
    mutating func commitBeforeReportedFailure(_ index: Int, succeeded: Int64, at now: SimTime) {
        let batch = partitions[index]
        let pending = batch.pendingParts.reduce(Int64(0)) { $0 + $1.records }
        let done = batch.batchRecords - pending - batch.invocationRecords + succeeded
        let newlyDone = done - batch.batchCommittedInvoked
        guard newlyDone > 0 else { return }
        let polled = commitOffsets(ofBatch: index, throughInvoked: done)
        let dropped = batch.batchDroppedRecords
        if newlyDone > dropped {
            totals.recordAges.add(
                records: newlyDone - dropped, oldest: now - batch.arrival(ofBatchRecord: batch.batchCommittedInvoked),
                newest: now - batch.arrival(ofBatchRecord: done - 1), at: now)
        }
        countCommitted(records: newlyDone, dropped: dropped, polled: polled - batch.batchCommittedPolled)
        partitions[index].batchDroppedRecords = 0
        partitions[index].batchCommittedInvoked = done
        partitions[index].batchCommittedPolled = polled
    }

    /// Moves the committed offsets of the partitions in `index`'s batch past its first
    /// `invoked` records (in payload order: slice by slice), and returns the offsets the
    /// batch's commits now cover, filtered-out records between them included.
    mutating func commitOffsets(ofBatch index: Int, throughInvoked invoked: Int64) -> Int64 {
        let batch = partitions[index]
        let slices = batch.payloadSlices.isEmpty
            ? [PayloadSlice(
                partition: Int32(index), polledRecords: batch.batchPolledRecords, invokedRecords: batch.batchRecords,
                firstArrival: batch.batchFirstArrival, lastArrival: batch.batchLastArrival)]
            : batch.payloadSlices
        var remaining = invoked
        var covered: Int64 = 0
        for slice in slices where remaining > 0 {
            let partition = Int(slice.partition)
            let start = partitions[partition].fetched - slice.polledRecords
            let taken = min(remaining, slice.invokedRecords)
            let offsets = taken == slice.invokedRecords
                ? slice.polledRecords
                : (offset(reachingMatched: matchedRecords(upTo: start) + taken) ?? start + taken) - start
            partitions[partition].committed = max(partitions[partition].committed, start + offsets)
            covered += offsets
            remaining -= taken
        }
        return covered
    }
}
