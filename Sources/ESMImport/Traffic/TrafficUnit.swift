/// What the values of a traffic series count.
public enum TrafficUnit: String, CaseIterable, Sendable {
    /// Records per second, as MSK's `MessagesInPerSec` (the default).
    case recordsPerSecond = "records/s"
    /// Bytes per second, as MSK's `BytesInPerSec`; converted with the record size.
    case bytesPerSecond = "bytes/s"
    /// Records over each point's period (a Sum statistic of a count).
    case records
    /// Bytes over each point's period.
    case bytes

    /// Whether the values are bytes, to be divided by the record size.
    public var isBytes: Bool { self == .bytesPerSecond || self == .bytes }

    /// Whether the values are totals over the period rather than rates.
    public var isPerPeriod: Bool { self == .records || self == .bytes }
}
