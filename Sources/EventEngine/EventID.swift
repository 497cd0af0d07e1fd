/// The identity of a scheduled event, used to cancel it.
public struct EventID: Hashable, Sendable {
    /// The event's sequence number in its queue: the count of events scheduled before it.
    public let rawValue: UInt64

    /// Wraps a sequence number.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }
}
