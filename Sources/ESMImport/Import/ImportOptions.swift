import ESMModel

/// What `esmsim import` takes from the command line: what the input files do not hold
/// (the topic, the traffic, the function's duration) and overrides of what they do.
public struct ImportOptions: Sendable {
    /// `topic.partitions`.
    public var partitions: Int?
    /// `topic.recordSizeBytes`.
    public var recordSizeBytes: Double?
    /// `topic.backlogRecords`.
    public var backlogRecords: Int64?
    /// `producer.recordsPerSecond`.
    public var recordsPerSecond: Double?
    /// `producer.durationSeconds`.
    public var durationSeconds: Double?
    /// `function.durationMs`.
    public var durationMs: Double?
    /// `function.memoryMB`, over the function file's `MemorySize`.
    public var memoryMB: Int?
    /// `function.architecture`, over the function file's `Architectures`.
    public var architecture: String?
    /// `function.reservedConcurrency`, over the function file's.
    public var reservedConcurrency: Int?
    /// `function.accountConcurrency`.
    public var accountConcurrency: Int?
    /// `profile`.
    public var profile: String?
    /// Observed traffic to write as `producer.schedule` with the scenario's `startTime`.
    public var traffic: TrafficImport?
    /// A function's duration by memory size (`function.durationByMemory`).
    public var durationByMemory: [(memoryMB: Int, durationMs: Double)]?

    public init() {}

    /// Kafka's `num.partitions` default (Apache Kafka broker configuration; MSK's default
    /// configuration keeps it): a topic created without a count has one partition.
    public static let defaultPartitions = 1
    /// The scenario file's default record size.
    public static let defaultRecordSizeBytes = 1_024.0
    /// The function duration of the provisioned-mode blog's scenarios: no file holds a
    /// function's duration, so this is a placeholder to replace with a measured one.
    public static let defaultDurationMs = 100.0
    /// Traffic when none is given: a steady hour at 1,000 records a second, which runs
    /// whatever the starting position (a backlog would be skipped under LATEST).
    public static let defaultRecordsPerSecond = 1_000.0
    /// See `defaultRecordsPerSecond`.
    public static let defaultDurationSeconds = 3_600.0
    /// Simulated time after imported traffic ends, for the backlog to drain.
    public static let drainAllowanceSeconds = 3_600.0
    /// AWS's default `MemorySize` and `Timeout`.
    public static let defaultMemoryMB = 128
    public static let defaultTimeoutSeconds = 3.0
    /// The account's concurrency when nothing says otherwise, and what AWS keeps unreserved.
    public static let defaultAccountConcurrency = 1_000
    public static let unreservedMinimum = FunctionSpec.unreservedConcurrencyMinimum
}
