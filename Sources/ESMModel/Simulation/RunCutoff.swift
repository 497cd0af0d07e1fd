import EventEngine

/// When a run may stop before it drains because its outcome against a target is already
/// settled as a miss: used by capacity plans, whose candidates only need to be known to
/// miss, not by how much. Each rule fires only on a figure that can no longer improve, so
/// a run that would have met the target is never stopped.
public struct RunCutoff: Sendable, Equatable {
    /// Stop once the peak offset lag (a running maximum) exceeds this many records.
    public var peakOffsetLagAbove: Int64?
    /// Stop at the first event at or after this time while the run has not drained: its
    /// drain time, if it ever drains, is then at least this late.
    public var undrainedAt: SimTime?

    /// Creates a cutoff; with no rule a run is never stopped early.
    public init(peakOffsetLagAbove: Int64? = nil, undrainedAt: SimTime? = nil) {
        self.peakOffsetLagAbove = peakOffsetLagAbove
        self.undrainedAt = undrainedAt
    }

    /// Whether any rule is set.
    public var isActive: Bool { peakOffsetLagAbove != nil || undrainedAt != nil }
}
