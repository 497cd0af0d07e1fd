/// A deterministic slice of a sweep for one machine of an array job: shard I of N runs
/// the points whose 0-based number leaves remainder I-1 when divided by N, so every
/// shard gets a mix of cheap and costly points.
public struct Shard: Equatable, Sendable {
    /// 1-based shard number.
    public let index: Int
    /// How many shards the sweep is split into.
    public let count: Int

    /// The whole sweep.
    public static let whole = Shard(checkedIndex: 1, count: 1)

    /// The most shards a sweep may be split into: AWS Batch's largest array job, and far
    /// beyond what one merge should open (each shard is one file read at a time).
    public static let maximumCount = 10_000

    /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count ≤ `maximumCount`.
    public init?(index: Int, count: Int) {
        guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else { return nil }
        self.init(checkedIndex: index, count: count)
    }

    private init(checkedIndex: Int, count: Int) {
        self.index = checkedIndex
        self.count = count
    }

    /// Whether this shard runs 0-based `point`.
    public func contains(_ point: Int) -> Bool { point % count == index - 1 }

    /// The output file called `stem`: `stem.csv` for a whole sweep, `stem.shard-I-of-N.csv` for a shard.
    public func fileName(_ stem: String) -> String {
        count == 1 ? "\(stem).csv" : "\(stem).shard-\(index)-of-\(count).csv"
    }

    /// The stem and shard of a shard file's name; nil for other names.
    static func parseFileName(_ name: String) -> (stem: String, shard: Shard)? {
        guard name.hasSuffix(".csv") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let words = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard words.count == 4, words[0] == "shard", words[2] == "of",
              let index = Int(words[1]), let count = Int(words[3]), let shard = Shard(index: index, count: count) else { return nil }
        return (String(parts[0]), shard)
    }
}
