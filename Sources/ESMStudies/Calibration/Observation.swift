/// One observed figure: a scenario, a metric, the value seen and how far off a model may be.
public struct Observation: Sendable {
    /// The scenario file, resolved against the observation file's folder.
    public var scenarioPath: String
    /// The scenario as written in the file.
    public var scenarioName: String
    /// What was measured.
    public var metric: ObservedMetric
    /// The value seen.
    public var observed: Double
    /// The accepted distance from it.
    public var tolerance: Double
    /// The profile the observation describes; nil for any.
    public var profile: String?
    /// Where the figure comes from.
    public var source: String
    /// For a series metric: the observed series (`observed` is then its peak).
    public var series: ObservedSeries? = nil

    /// The distance from the observation, in tolerances (0 is exact, 1 is at the edge).
    public func normalizedResidual(_ simulated: Double) -> Double {
        (simulated - observed) / max(tolerance, 1e-9)
    }
}
