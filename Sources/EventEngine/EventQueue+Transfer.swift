extension EventQueue {
    /// Moves every pending event into `other`, transformed, keeping each one's time and
    /// priority tier, and leaves this queue empty (its storage kept for reuse).
    ///
    /// Events move in their (time, priority, sequence) order, so in `other` they keep their
    /// order among themselves and follow everything already there at the same time and
    /// tier: exactly as if they had been scheduled on `other` directly, in the order they
    /// were scheduled here. A handler that runs sub-handlers on a scratch queue relies on it.
    ///
    /// - Complexity: O(k log k + k log n) for k events moved into a queue of n.
    @inlinable
    public mutating func moveAll<Other>(into other: inout EventQueue<Other>, _ transform: (Event) -> Other) {
        guard !heap.isEmpty else { return }
        // Orders are unique (the sequence is part of them), so the sort is total.
        if heap.count > 1 { heap.sort { $0.precedes($1) } }
        for entry in heap {
            let priority = EventPriority(rawValue: UInt8(truncatingIfNeeded: entry.order >> 56))
            other.schedule(transform(entry.event), at: entry.time, priority: priority)
        }
        heap.removeAll(keepingCapacity: true)
    }
}
