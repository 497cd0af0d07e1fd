import ESMScenarios
/// One configuration of a plan's space that was simulated (or priced from a simulation
/// that differs only in memory), with its summary and how it fares against the target.
public struct PlanCandidate: Sendable {
    /// Where the configuration stands in the space's enumeration, for stable ordering.
    let order: [Int]
    /// The configuration's settings, under `PlanReport.settingColumns`.
    public let settings: [String]
    /// Its summary row.
    public let record: SummaryRecord
    /// The target's limits it misses; empty when it meets the target.
    public let misses: [String]
    /// How far it is from the target (0 when it meets it).
    let shortfall: Double

    /// Whether it meets the target.
    public var meetsTarget: Bool { misses.isEmpty }
    /// Its total cost in US dollars.
    public var cost: Double { record.number(SummaryRecord.totalCost) ?? .infinity }
    /// Its drain time in seconds (infinite when it never drained).
    public var drainTime: Double { record.number(SummaryRecord.drainTime) ?? .infinity }
}
