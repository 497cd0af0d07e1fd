/// The steady state of a `SteadyWorkload` and what its period bills.
public struct SteadyEstimate: Equatable, Sendable {
    /// Records in each batch.
    public var batchRecords: Double
    /// Seconds between one partition's fetches.
    public var batchCycleSeconds: Double
    /// Invocations per second of one ESM.
    public var invocationsPerSecond: Double
    /// Pollers of one ESM (0 on-demand, where the scaler picks them and EPUs are not billed).
    public var pollersPerMapping: Int
    /// EPUs running for all the ESMs together.
    public var epus: Int
    /// The period's usage, every ESM included.
    public var usage: BillableUsage
}
