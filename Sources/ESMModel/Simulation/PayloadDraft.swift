import EventEngine

/// A payload being put together at fetch time: its lead partition's records, then any
/// other partitions' slices the poller adds, with the sums the batch will carry.
struct PayloadDraft {
    /// Records polled, filtered-out ones included, over every slice.
    var polledRecords: Int64
    /// Records sent to the function, over every slice.
    var invokedRecords: Int64
    /// Bytes of the records sent to the function: what the payload limit bounds.
    var invokedBytes: Double
    /// Bytes polled, filtered-out records included: what the poller's throughput carries.
    var polledBytes: Double
    /// The oldest first arrival and the newest last arrival over every slice.
    var firstArrival: SimTime
    var lastArrival: SimTime
    /// Every slice, the lead's first; only the lead's until another partition joins.
    var slices: [PayloadSlice]

    /// A payload holding the lead's slice alone.
    init(lead: PayloadSlice, invokedBytes: Double, polledBytes: Double) {
        polledRecords = lead.polledRecords
        invokedRecords = lead.invokedRecords
        self.invokedBytes = invokedBytes
        self.polledBytes = polledBytes
        firstArrival = lead.firstArrival
        lastArrival = lead.lastArrival
        slices = [lead]
    }

    /// Adds another partition's slice.
    mutating func add(_ slice: PayloadSlice, invokedBytes: Double, polledBytes: Double) {
        polledRecords += slice.polledRecords
        invokedRecords += slice.invokedRecords
        self.invokedBytes += invokedBytes
        self.polledBytes += polledBytes
        firstArrival = min(firstArrival, slice.firstArrival)
        lastArrival = max(lastArrival, slice.lastArrival)
        slices.append(slice)
    }

    /// Whether the payload holds records of more than one partition.
    var spansPartitions: Bool { slices.count > 1 }
}
