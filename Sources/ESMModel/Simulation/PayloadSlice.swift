import EventEngine

/// One partition's part of a payload that spans partitions: the records a poller took
/// from that partition for the batch, in offset order.
struct PayloadSlice {
    /// The partition the records come from.
    var partition: Int32
    /// Records polled from the partition, filtered-out ones included: its offsets' advance.
    var polledRecords: Int64
    /// Records of the slice the filters let through, the ones sent to the function.
    var invokedRecords: Int64
    /// Arrival times of the slice's first and last records (for record age).
    var firstArrival: SimTime
    var lastArrival: SimTime
}
