import ESMModel

/// A workload that runs at one steady rate for a whole period: what `esmsim cost`
/// prices without simulating the period.
public struct SteadyWorkload: Equatable, Sendable {
    /// Records produced per second, spread evenly over the partitions.
    public var recordsPerSecond: Double
    /// Bytes per record.
    public var recordSizeBytes: Double
    /// Topic partitions.
    public var partitions: Int
    /// Function duration per invocation, milliseconds (billed rounded up to the millisecond).
    public var durationMs: Double
    /// Function memory, MB.
    public var memoryMB: Int
    /// Function architecture.
    public var architecture: FunctionSpec.Architecture
    /// `BatchSize`.
    public var batchSize: Int
    /// `MaximumBatchingWindowInSeconds` (Kafka's default is 0.5 s).
    public var batchingWindowSeconds: Double
    /// Steady pollers per ESM in provisioned mode (`MinimumPollers` = `MaximumPollers`); nil for on-demand.
    public var provisionedPollers: Int?
    /// Identical ESMs running this workload, each with its own topic and function.
    public var mappings: Int
    /// Whether the ESMs share one poller group's EPUs (otherwise each has its own).
    public var grouped: Bool
    /// Length of the period priced, seconds.
    public var periodSeconds: Double

    /// Creates a workload with AWS's defaults for the settings not given.
    public init(
        recordsPerSecond: Double, recordSizeBytes: Double = 1_024, partitions: Int, durationMs: Double,
        memoryMB: Int = 128, architecture: FunctionSpec.Architecture = .x86_64, batchSize: Int = 100,
        batchingWindowSeconds: Double = 0.5, provisionedPollers: Int? = nil, mappings: Int = 1,
        grouped: Bool = false, periodSeconds: Double = 30 * 86_400
    ) {
        self.recordsPerSecond = recordsPerSecond
        self.recordSizeBytes = recordSizeBytes
        self.partitions = partitions
        self.durationMs = durationMs
        self.memoryMB = memoryMB
        self.architecture = architecture
        self.batchSize = batchSize
        self.batchingWindowSeconds = batchingWindowSeconds
        self.provisionedPollers = provisionedPollers
        self.mappings = mappings
        self.grouped = grouped
        self.periodSeconds = periodSeconds
    }
}
