/// The tier an event runs in among events due at the same tick: a lower tier runs first,
/// and within a tier events run in the order they were scheduled.
///
/// This is SimPy's order, (time, priority, sequence): a model states that one kind of
/// event precedes another at the same instant with a tier, never by nudging its time.
public struct EventPriority: Comparable, Hashable, Sendable {
    /// The tier's rank; 0 runs first.
    public let rawValue: UInt8

    /// A tier by rank.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Runs before `normal` events due at the same tick (SimPy's URGENT).
    public static let urgent = EventPriority(rawValue: 0)
    /// The tier of events scheduled without one (SimPy's NORMAL).
    public static let normal = EventPriority(rawValue: 1)

    /// Whether `lhs` runs before `rhs` at the same tick.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
