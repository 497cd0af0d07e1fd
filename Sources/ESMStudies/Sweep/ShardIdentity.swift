import ESMScenarios
import ESMFormats

/// What a shard file says about the sweep it belongs to, so `merge` can refuse shards of
/// different sweeps instead of mixing them: its first line
/// (`#esmsim-shard file=sweep shard=2/4 version=... seed=7 scenario=HASH axes=HASH ...`)
/// names everything that decides its rows, and its last line
/// (`#esmsim-end rows=2500 checksum=HASH`) the rows and a hash of the CSV between them, so
/// a shard cut short, still being written or edited is refused too.
public struct ShardIdentity: Equatable, Sendable {
    /// `key=value` pairs in line order; values never hold spaces.
    public private(set) var fields: [Field]

    /// One `key=value` pair.
    public struct Field: Equatable, Sendable {
        /// The key.
        public let key: String
        /// The value.
        public let value: String
    }

    /// Each key with how a merge error names a difference in it, in line order.
    static let keys: [(key: String, label: String)] = [
        ("file", "output file"), ("shard", "shard"), ("version", "esmsim version"), ("points", "number of points"),
        ("replications", "replications (--replications)"), ("rows", "number of rows"), ("seed", "seed (--seed or the base scenario's)"),
        ("scenario", "base scenario (hash)"), ("axes", "axes or axis values (hash)"), ("profile", "behaviour profile (--profile; hash)"),
        ("prices", "prices (--prices, --region, --free-tier; hash)"), ("interval", "sampling interval (--interval)"),
        ("horizon", "horizon (--horizonSeconds)"),
    ]
    /// Keys that every shard of one sweep shares (the others say which shard and how long it is).
    static let sweepKeys: Set<String> = ["file", "version", "points", "replications", "seed", "scenario", "axes", "profile", "prices", "interval", "horizon"]

    /// The first line's tag.
    static let tag = "#esmsim-shard"
    /// The last line's tag.
    static let endTag = "#esmsim-end"

    /// An identity from values for every key of `keys`.
    init(values: [String: String]) {
        fields = Self.keys.map { Field(key: $0.key, value: values[$0.key] ?? "") }
    }

    /// The value of `key`.
    public subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    /// The shard this file is.
    var shard: Shard? {
        guard let text = self["shard"] else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        return Shard(index: index, count: count)
    }

    /// Data rows the file holds.
    var rows: Int? { self["rows"].flatMap { Int($0) } }

    /// The first line, without its newline.
    var line: String { ([Self.tag] + fields.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }

    /// Reads a first line; nil when it is not one.
    static func parse(_ line: Substring) -> ShardIdentity? {
        let words = line.split(separator: " ")
        guard words.first == Substring(tag) else { return nil }
        var values: [String: String] = [:]
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "=") else { return nil }
            values[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        guard keys.allSatisfy({ values[$0.key] != nil }), values.count == keys.count else { return nil }
        return ShardIdentity(values: values)
    }

    /// The first difference in what identifies the sweep, in words; nil when both come
    /// from the same sweep.
    func sweepDifference(from other: ShardIdentity) -> String? {
        for (key, label) in Self.keys where Self.sweepKeys.contains(key) && self[key] != other[key] {
            return "\(label) \(self[key] ?? "") where the other has \(other[key] ?? "")"
        }
        return nil
    }

    /// The last line, without its newline.
    static func endLine(rows: Int, checksum: ContentHash) -> String { "\(endTag) rows=\(rows) checksum=\(checksum.hex)" }

    /// Reads a last line: its row count and checksum; nil when it is not one.
    static func parseEnd(_ line: Substring) -> (rows: Int, checksum: String)? {
        let words = line.split(separator: " ")
        guard words.count == 3, words[0] == Substring(endTag), words[1].hasPrefix("rows="), words[2].hasPrefix("checksum="),
              let rows = Int(words[1].dropFirst(5)) else { return nil }
        return (rows, String(words[2].dropFirst(9)))
    }
}
