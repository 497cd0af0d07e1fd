/// How the scaler grows the poller count once it decides to scale out.
///
/// AWS publishes only that Lambda "gradually adds more Kafka consumers" (BLOG 2025) and
/// that scaling "occurs within three minutes of evaluation" (DOC), so the growth rule is
/// a mechanism a profile assumes, not a constant it measures.
public enum PollerGrowth: String, CaseIterable, Equatable, Sendable {
    /// Straight to the count that delivers the demand with headroom (aws-2024's rule),
    /// limited only by `maxScaleUpStep`.
    case toWanted
    /// Geometric growth: each scale-out goes to `ceil(pollers * growthFactor + growthIncrement)`,
    /// never past the wanted count, so a ramp takes several evaluations and its length
    /// depends on where it starts (`MinimumPollers`).
    case multiplicative
}
