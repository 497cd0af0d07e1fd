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
    /// Relative share of each partition (one weight per partition), if set.
    public var partitionWeights: [Double]? = nil
    /// How producers use record keys, if set: the partitions' shares follow from it.
    public var keyDistribution: KeyDistribution? = nil
    /// Over how many seconds before time 0 the backlog was written, evenly: what
    /// `StartingPositionTimestamp` reads against. 0 (the default) dates it all at time 0.
    public var backlogSpanSeconds: Double = 0

    /// Creates a topic description.
    public init(partitions: Int, recordSizeBytes: Distribution = .constant(1_024), backlogRecords: Int64 = 0, hotPartitionShare: Double = 0) {
        self.partitions = partitions
        self.recordSizeBytes = recordSizeBytes
        self.backlogRecords = backlogRecords
        self.hotPartitionShare = hotPartitionShare
    }

    /// The partitions' relative weights when weights or a key distribution set them; nil
    /// for an even spread or a hot partition.
    public var weights: [Double]? {
        if let partitionWeights { return partitionWeights }
        return keyDistribution?.partitionWeights(partitions: partitions)
    }
}
