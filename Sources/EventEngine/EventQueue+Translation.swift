extension EventQueue {
    /// The pending events in the order they will leave: by time, tier, then scheduling order.
    ///
    /// - Complexity: O(n log n), n being the number of pending events.
    @inlinable
    public func pendingInOrder() -> [(time: SimTime, priority: EventPriority, event: Event)] {
        heap.sorted { $0.precedes($1) }.map { ($0.time, EventPriority(rawValue: UInt8($0.order >> 56)), $0.event) }
    }

    /// Moves the pending events `shifts` selects `offset` ticks later, as if they had been
    /// scheduled again now in their present order; the others keep their times and places.
    ///
    /// The moved events take new sequence numbers, above every existing one, in the order
    /// they would have left: among themselves they leave as before, and at a tie with an
    /// event left in place they leave after it, as events scheduled later do.
    ///
    /// - Complexity: O(n log n), n being the number of pending events.
    @inlinable
    public mutating func shift(by offset: SimTime, where shifts: (Event) -> Bool) {
        var entries = Array(heap)
        entries.sort { $0.precedes($1) }
        for index in entries.indices where shifts(entries[index].event) {
            let sequence = nextSequence
            precondition(sequence < Self.sequenceLimit, "an event queue takes at most 2^56 schedules")
            nextSequence = sequence + 1
            entries[index].time += offset
            entries[index].order = entries[index].order & ~(Self.sequenceLimit - 1) | sequence
        }
        // A sorted array is a heap.
        entries.sort { $0.precedes($1) }
        heap = ContiguousArray(entries)
        #if ESMSIM_INTERNAL_CHECKS
        checkWholeHeap()
        #endif
    }
}
