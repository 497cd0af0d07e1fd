import EventEngine

/// One poller: the slots its batches hold, its fetch-throughput budget, and the
/// partitions waiting for a free slot.
struct PollerState {
    /// Batches in flight, each holding a slot from fetch to commit.
    var inFlight = 0
    /// The earliest time the poller's byte budget allows another fetch.
    var bytesFreeAt: SimTime = 0
    /// Bytes fetched and not yet handed to the EPU meter.
    var bytesUnmetered: Double = 0
    private var queue: [Int32] = []
    private var queueHead = 0

    init(bytesFreeAt: SimTime) { self.bytesFreeAt = bytesFreeAt }

    /// The queued partitions, longest-waiting first (entries whose partition has since left
    /// the queue included: `dequeue`'s callers skip them).
    var waiting: ArraySlice<Int32> { queue[queueHead...] }

    /// Queues a partition for the next free slot.
    mutating func enqueue(_ partition: Int32) { queue.append(partition) }

    /// The longest-waiting partition, if any.
    mutating func dequeue() -> Int32? {
        guard queueHead < queue.count else { return nil }
        let partition = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        }
        return partition
    }
}
