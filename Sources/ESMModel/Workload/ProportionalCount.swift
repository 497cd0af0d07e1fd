/// A fixed share of a running count, in exact integer arithmetic: of the first `total`
/// records, `count(of: total)` = ⌊total × share⌋ are "in" and the rest are "out".
///
/// Both sides grow by at most one record per record, so each can be inverted: the
/// smallest total that puts `k` records in (or out). It spreads a partition's records
/// between two halves of the topic (`PartitionSplit`) and decides which polled records a
/// filter matches (the k-th record matches when ⌊k × share⌋ steps up), with nothing
/// stored per record.
public struct ProportionalCount: Equatable, Sendable {
    /// Shares are kept in parts per billion.
    public static let scale: Int64 = 1_000_000_000
    /// Totals beyond this are never reached (production is far smaller), so "never" is
    /// the right answer for them, and it keeps every product within 128 bits.
    static let unreachable = Int64.max / 4

    /// The share, in parts per billion (0...scale).
    public let parts: Int64

    /// The share `share` (clamped to 0...1), rounded to the nearest part per billion.
    public init(share: Double) {
        parts = min(max(Int64((share * Double(Self.scale)).rounded()), 0), Self.scale)
    }

    /// A share of `parts` parts per billion.
    public init(parts: Int64) {
        self.parts = min(max(parts, 0), Self.scale)
    }

    /// The share as a fraction.
    public var share: Double { Double(parts) / Double(Self.scale) }

    /// Records "in" among the first `total`: ⌊total × share⌋.
    /// - Complexity: O(1).
    public func count(of total: Int64) -> Int64 {
        if total <= 0 { return 0 }
        let product = total.multipliedFullWidth(by: parts)
        return Self.scale.dividingFullWidth(product).quotient
    }

    /// The smallest total with `records` records in, or nil when no reachable total has.
    /// - Complexity: O(1).
    public func totalNeeded(in records: Int64) -> Int64? {
        if records <= 0 { return 0 }
        if parts == 0 { return nil }
        // The smallest C with ⌊C × parts / scale⌋ >= records is ⌈records × scale / parts⌉.
        if Double(records) * Double(Self.scale) / Double(parts) >= Double(Self.unreachable) { return nil }
        let (high, low) = records.multipliedFullWidth(by: Self.scale)
        let (quotient, remainder) = parts.dividingFullWidth((high, low))
        return remainder == 0 ? quotient : quotient + 1
    }

    /// The smallest total with `records` records out, or nil when no reachable total has.
    /// - Complexity: O(log records): a binary search, since total − count(total) is
    ///   non-decreasing in total.
    public func totalNeeded(out records: Int64) -> Int64? {
        if records <= 0 { return 0 }
        if parts >= Self.scale || records >= Self.unreachable { return nil }
        var low = records
        var high = records
        while high - count(of: high) < records {
            if high >= Self.unreachable { return nil }
            high = high * 2 + 1
        }
        while low < high {
            let middle = low + (high - low) / 2
            if middle - count(of: middle) >= records { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
