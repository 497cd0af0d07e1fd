import EventEngine

/// How often producers use each record key (`topic.keyDistribution`), which, through
/// Kafka's default partitioner, decides each partition's share of the records.
///
/// Keys are the decimal strings "1" ... "keys" (key k is the k-th most frequent); each is
/// hashed to its partition as the Kafka client does. Deterministic: no seed is involved.
public struct KeyDistribution: Equatable, Sendable {
    /// How record frequencies fall off with a key's rank.
    public enum Shape: Equatable, Sendable {
        /// Every key equally often.
        case uniform
        /// Zipf: the key of rank k is used in proportion to k^(−exponent).
        case zipf(exponent: Double)
    }

    /// The most keys accepted: the weights are computed key by key at the start of a run.
    public static let maximumKeys = 1_000_000

    /// The frequency shape.
    public var shape: Shape
    /// Distinct keys, 1...maximumKeys.
    public var keys: Int

    /// Creates a key distribution.
    public init(shape: Shape, keys: Int) {
        self.shape = shape
        self.keys = keys
    }

    /// Each partition's share of the records (summing to 1).
    /// - Complexity: O(keys + partitions).
    public func partitionWeights(partitions: Int) -> [Double] {
        var weights = [Double](repeating: 0, count: max(partitions, 1))
        var total = 0.0
        for rank in 1...max(keys, 1) {
            let weight: Double
            switch shape {
            case .uniform: weight = 1
            case .zipf(let exponent): weight = Distribution.zipfWeight(rank: rank, exponent: exponent)
            }
            weights[KafkaPartitioner.partition(ofKey: Array(String(rank).utf8), partitions: partitions)] += weight
            total += weight
        }
        return weights.map { $0 / total }
    }
}
