import ESMModel
import EventEngine

/// The range of every number a user can give in more than one place (a scenario file,
/// `esmsim cost`, `esmsim import` flags), defined once so every place checks the same.
public enum FieldRanges {
    /// `topic.recordSizeBytes`, `--record-size`: Lambda's 6 MB invocation payload.
    public static let recordSizeBytes: ClosedRange<Double> = 1...6_291_456
    /// `function.durationMs`, `--duration-ms`: up to the 14-minute timeout of a Kafka ESM's function.
    public static let durationMs: ClosedRange<Double> = 0.001...Double(FunctionSpec.maximumDuration / Ticks.perMillisecond)
    /// `producer.recordsPerSecond`, `--records-per-second`.
    public static let recordsPerSecond: ClosedRange<Double> = 0...1e9
    /// `topic.partitions`, `--partitions`.
    public static let partitions: ClosedRange<Double> = 1...ScenarioLoader.maximumPartitions
    /// `function.memoryMB`, `--memory`.
    public static let memoryMB: ClosedRange<Double> = 128...10_240
    /// `eventSourceMapping.BatchSize`, `--batch-size`.
    public static let batchSize: ClosedRange<Double> = 1...10_000
    /// `eventSourceMapping.MaximumBatchingWindowInSeconds`, `--window`.
    public static let batchingWindowSeconds: ClosedRange<Double> = 0...300
    /// `ProvisionedPollerConfig.MaximumPollers`, `--pollers`.
    public static let maximumPollers: ClosedRange<Double> = 1...2_000
    /// `function.reservedConcurrency`.
    public static let reservedConcurrency: ClosedRange<Double> = 0...1_000_000
    /// `function.initDurationMs`: a new environment's Init, up to the 14-minute timeout
    /// (an Init past Lambda's 10 s limit is run again inside the first invocation).
    public static let initDurationMs: ClosedRange<Double> = 0...durationMs.upperBound
    /// `function.ProvisionedConcurrentExecutions` (API PutProvisionedConcurrencyConfig: at least 1).
    public static let provisionedConcurrentExecutions: ClosedRange<Double> = 1...1_000_000
    /// `function.accountConcurrency`.
    public static let accountConcurrency: ClosedRange<Double> = 1...1_000_000
}
