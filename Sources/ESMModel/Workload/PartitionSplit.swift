/// How the topic's records are spread over its partitions: evenly (round robin), or with
/// one hot partition (partition 0) taking a fixed share and the rest split evenly.
///
/// The split maps the topic's cumulative record count to each partition's count, and
/// back: which topic count first gives a partition its k-th record. Both directions are
/// O(1) (O(log n) for a cold partition beside a hot one), so nothing is stored per record.
public struct PartitionSplit: Equatable, Sendable {
    /// Share of the hot partition, in parts per billion (0 = even spread).
    static let scale: Int64 = 1_000_000_000

    /// The number of partitions.
    public let partitions: Int
    /// The hot partition's share in parts per billion; 0 for an even spread.
    public let hotShareParts: Int64

    /// Creates a split over `partitions` with partition 0 taking `hotShare` (0...1) of
    /// the records; a hot share of 0, or a single partition, spreads evenly.
    public init(partitions: Int, hotShare: Double = 0) {
        self.partitions = partitions
        let parts = Int64((hotShare * Double(Self.scale)).rounded())
        self.hotShareParts = partitions > 1 ? min(max(parts, 0), Self.scale) : 0
    }

    var isEven: Bool { hotShareParts == 0 }

    /// The number of the first `total` topic records that land on `partition`.
    public func count(of partition: Int, total: Int64) -> Int64 {
        if total <= 0 { return 0 }
        if isEven { return Self.roundRobinCount(index: partition, lanes: partitions, total: total) }
        let hot = hotCount(total)
        if partition == 0 { return hot }
        return Self.roundRobinCount(index: partition - 1, lanes: partitions - 1, total: total - hot)
    }

    /// The smallest topic count at which `partition` holds `records` records, or nil
    /// when it never will (a cold partition beside a partition taking everything).
    public func totalNeeded(for partition: Int, records: Int64) -> Int64? {
        if records <= 0 { return 0 }
        // Counts beyond this are never reached (production is far smaller), so "never"
        // is the right answer for them, and it keeps every product below Int64.max.
        let unreachable = Int64.max / 4
        if isEven {
            let (earlier, overflow) = (records - 1).multipliedReportingOverflow(by: Int64(partitions))
            return overflow || earlier >= unreachable ? nil : earlier + Int64(partition) + 1
        }
        if partition == 0 {
            // smallest C with floor(C × share) >= records
            if Double(records) * Double(Self.scale) / Double(hotShareParts) >= Double(unreachable) { return nil }
            let (high, low) = records.multipliedFullWidth(by: Self.scale)
            let (quotient, remainder) = hotShareParts.dividingFullWidth((high, low))
            return remainder == 0 ? quotient : quotient + 1
        }
        if hotShareParts >= Self.scale { return nil }
        let (coldEarlier, overflow) = (records - 1).multipliedReportingOverflow(by: Int64(partitions - 1))
        if overflow || coldEarlier >= unreachable { return nil }
        let coldNeeded = coldEarlier + Int64(partition - 1) + 1
        // total - hotCount(total) is non-decreasing in total: binary-search the first
        // total whose cold remainder reaches coldNeeded.
        var low = coldNeeded
        var high = coldNeeded
        while high - hotCount(high) < coldNeeded {
            if high >= unreachable { return nil }
            high = high * 2 + 1
        }
        while low < high {
            let middle = low + (high - low) / 2
            if middle - hotCount(middle) >= coldNeeded { high = middle } else { low = middle + 1 }
        }
        return low
    }

    func hotCount(_ total: Int64) -> Int64 {
        let product = total.multipliedFullWidth(by: hotShareParts)
        return Self.scale.dividingFullWidth(product).quotient
    }

    /// Records among the first `total` dealt round robin over `lanes` that land on lane `index`.
    static func roundRobinCount(index: Int, lanes: Int, total: Int64) -> Int64 {
        let lanes = Int64(lanes)
        let index = Int64(index)
        return total > index ? (total - index - 1) / lanes + 1 : 0
    }
}
