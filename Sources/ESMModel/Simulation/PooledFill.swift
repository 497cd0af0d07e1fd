import EventEngine

/// When the records waiting on one poller's partitions together reach a batch: the
/// answer a poller remembers until one of its batches is fetched or committed.
struct PooledFill {
    /// The time the pooled records fill a batch, or nil when they do not by `horizon`.
    var time: SimTime?
    /// The latest time the answer covers: with `time` nil, the pool is still short then.
    var horizon: SimTime
}
