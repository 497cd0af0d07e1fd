/// How the topic's records are spread over its partitions: evenly (round robin), with one
/// hot partition (partition 0) taking a fixed share and the rest split evenly, or by
/// relative weights (`topic.partitionWeights`, or a key distribution's weights).
///
/// The split maps the topic's cumulative record count to each partition's count, and
/// back: which topic count first gives a partition its k-th record. Nothing is stored per
/// record. Weights split the partitions in halves recursively: each half takes
/// ⌊count × its share⌋ or the rest, so every partition's count is exact, never decreases,
/// and the counts always add up to the total.
public struct PartitionSplit: Equatable, Sendable {
    /// Shares are kept in parts per billion.
    static let scale = ProportionalCount.scale

    /// How the records are dealt.
    enum Shape: Equatable, Sendable {
        /// Round robin.
        case even
        /// Partition 0 takes the share; the others deal the rest round robin.
        case hot(ProportionalCount)
        /// The left half's share at every internal node of the halving tree over the
        /// partitions, in preorder: a range of n partitions has n − 1 internal nodes,
        /// the left subtree's first.
        case weighted([ProportionalCount])
    }

    /// The number of partitions.
    public let partitions: Int
    let shape: Shape

    /// Creates a split over `partitions` with partition 0 taking `hotShare` (0...1) of
    /// the records; a hot share of 0, or a single partition, spreads evenly.
    public init(partitions: Int, hotShare: Double = 0) {
        self.partitions = partitions
        let hot = ProportionalCount(share: hotShare)
        shape = partitions > 1 && hot.parts > 0 ? .hot(hot) : .even
    }

    /// Creates a split by relative `weights`, one per partition (non-negative, not all 0).
    /// - Complexity: O(partitions).
    public init(weights: [Double]) {
        partitions = weights.count
        var prefix = [0.0]
        prefix.reserveCapacity(weights.count + 1)
        for weight in weights { prefix.append(prefix[prefix.count - 1] + max(weight, 0)) }
        var nodes: [ProportionalCount] = []
        nodes.reserveCapacity(max(weights.count - 1, 0))
        Self.appendNodes(low: 0, high: weights.count, prefix: prefix, into: &nodes)
        shape = weights.count > 1 ? .weighted(nodes) : .even
    }

    /// The split a topic asks for: its weights if it has any, else its hot partition.
    public init(topic: TopicSpec) {
        if let weights = topic.weights {
            self.init(weights: weights)
        } else {
            self.init(partitions: topic.partitions, hotShare: topic.hotPartitionShare)
        }
    }

    /// Appends, in preorder, the left-half shares of the halving tree over `low..<high`.
    static func appendNodes(low: Int, high: Int, prefix: [Double], into nodes: inout [ProportionalCount]) {
        guard high - low > 1 else { return }
        let middle = low + (high - low) / 2
        let whole = prefix[high] - prefix[low]
        let left = prefix[middle] - prefix[low]
        nodes.append(ProportionalCount(share: whole > 0 ? left / whole : 0.5))
        appendNodes(low: low, high: middle, prefix: prefix, into: &nodes)
        appendNodes(low: middle, high: high, prefix: prefix, into: &nodes)
    }

    /// The number of the first `total` topic records that land on `partition`.
    /// - Complexity: O(1), or O(log partitions) for weights.
    public func count(of partition: Int, total: Int64) -> Int64 {
        if total <= 0 { return 0 }
        switch shape {
        case .even:
            return Self.roundRobinCount(index: partition, lanes: partitions, total: total)
        case .hot(let hot):
            let hotRecords = hot.count(of: total)
            if partition == 0 { return hotRecords }
            return Self.roundRobinCount(index: partition - 1, lanes: partitions - 1, total: total - hotRecords)
        case .weighted(let nodes):
            var node = 0
            var low = 0
            var high = partitions
            var remaining = total
            while high - low > 1 {
                let middle = low + (high - low) / 2
                let left = nodes[node].count(of: remaining)
                if partition < middle {
                    remaining = left
                    node += 1
                    high = middle
                } else {
                    remaining -= left
                    node += middle - low
                    low = middle
                }
            }
            return remaining
        }
    }

    /// The smallest topic count at which `partition` holds `records` records, or nil
    /// when it never will (a partition with no share of the records).
    /// - Complexity: O(1) even, O(log n) beside a hot partition, O(log² n) for weights.
    public func totalNeeded(for partition: Int, records: Int64) -> Int64? {
        if records <= 0 { return 0 }
        switch shape {
        case .even:
            return Self.roundRobinNeeded(index: partition, lanes: partitions, records: records)
        case .hot(let hot):
            if partition == 0 { return hot.totalNeeded(in: records) }
            guard let cold = Self.roundRobinNeeded(index: partition - 1, lanes: partitions - 1, records: records) else { return nil }
            return hot.totalNeeded(out: cold)
        case .weighted(let nodes):
            return Self.weightedNeeded(nodes, partition: partition, records: records, node: 0, low: 0, high: partitions)
        }
    }

    /// `totalNeeded` within the subtree at `node` over `low..<high`: the child's need,
    /// then what its parent needs to hand it that many.
    static func weightedNeeded(_ nodes: [ProportionalCount], partition: Int, records: Int64, node: Int, low: Int, high: Int) -> Int64? {
        guard high - low > 1 else { return records }
        let middle = low + (high - low) / 2
        if partition < middle {
            guard let child = weightedNeeded(nodes, partition: partition, records: records, node: node + 1, low: low, high: middle) else { return nil }
            return nodes[node].totalNeeded(in: child)
        }
        guard let child = weightedNeeded(nodes, partition: partition, records: records, node: node + middle - low, low: middle, high: high) else { return nil }
        return nodes[node].totalNeeded(out: child)
    }

    /// Records among the first `total` dealt round robin over `lanes` that land on lane `index`.
    static func roundRobinCount(index: Int, lanes: Int, total: Int64) -> Int64 {
        let lanes = Int64(lanes)
        let index = Int64(index)
        return total > index ? (total - index - 1) / lanes + 1 : 0
    }

    /// The smallest total dealt round robin over `lanes` that gives lane `index` `records` records.
    static func roundRobinNeeded(index: Int, lanes: Int, records: Int64) -> Int64? {
        let (earlier, overflow) = (records - 1).multipliedReportingOverflow(by: Int64(lanes))
        return overflow || earlier >= ProportionalCount.unreachable ? nil : earlier + Int64(index) + 1
    }
}
