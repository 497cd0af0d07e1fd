/// esmsim's version: part of what makes outputs reproducible ("same scenario, seed and
/// version: byte-identical files"), so shard files carry it and `merge` refuses shards of
/// different versions. Raise it with every release whose outputs can differ.
public enum ESMSimVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.9.0"
}
