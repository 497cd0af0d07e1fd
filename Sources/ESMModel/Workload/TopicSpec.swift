import EventEngine

/// The Kafka topic: its partitions, record sizes, backlog and how producers spread over it.
public struct TopicSpec: Equatable, Sendable {
    /// Number of partitions.
    public var partitions: Int
    /// Record size in bytes (a constant or a distribution).
    public var recordSizeBytes: Distribution
    /// Records already in the topic when the ESM starts.
    public var backlogRecords: Int64
    /// Share of all records (backlog and new) that partition 0 takes; 0 spreads evenly.
    public var hotPartitionShare: Double

    /// Creates a topic description.
    public init(partitions: Int, recordSizeBytes: Distribution = .constant(1_024), backlogRecords: Int64 = 0, hotPartitionShare: Double = 0) {
        self.partitions = partitions
        self.recordSizeBytes = recordSizeBytes
        self.backlogRecords = backlogRecords
        self.hotPartitionShare = hotPartitionShare
    }
}
