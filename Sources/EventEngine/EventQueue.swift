/// A priority queue of pending events ordered by (time, sequence number).
///
/// Events scheduled for the same tick leave the queue in the order they were scheduled:
/// ties are never left to the heap, so a run is repeatable bit for bit.
/// Cancellation is lazy: a cancelled event stays in the heap and is skipped when it
/// reaches the top.
///
/// - Complexity: `schedule` and `next` are O(log n); `cancel` is O(1).
public struct EventQueue<Event> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: SimTime
        @usableFromInline var sequence: UInt64
        @usableFromInline var event: Event

        @inlinable
        init(time: SimTime, sequence: UInt64, event: Event) {
            self.time = time
            self.sequence = sequence
            self.event = event
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var cancelled: Set<UInt64> = []

    /// Creates an empty queue.
    public init() {}

    /// Whether no live event is pending.
    @inlinable public var isEmpty: Bool { heap.count == cancelled.count }

    /// Schedules `event` at `time` and returns its identifier, for `cancel`.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime) -> EventID {
        let sequence = nextSequence
        nextSequence &+= 1
        heap.append(Entry(time: time, sequence: sequence, event: event))
        siftUp(heap.count - 1)
        return EventID(rawValue: sequence)
    }

    /// Cancels a pending event; cancelling an event that already ran is a no-op.
    @inlinable
    public mutating func cancel(_ id: EventID) {
        if id.rawValue < nextSequence { cancelled.insert(id.rawValue) }
    }

    /// The time of the earliest live event, if any.
    @inlinable
    public mutating func peekTime() -> SimTime? {
        dropCancelledTop()
        return heap.first?.time
    }

    /// Removes and returns the earliest live event with its time.
    @inlinable
    public mutating func next() -> (time: SimTime, event: Event)? {
        next(notAfter: SimTime.max)
    }

    /// Removes and returns the earliest live event if it is due at or before `limit`;
    /// nil (leaving it queued) otherwise. One heap access instead of a peek and a pop.
    @inlinable
    public mutating func next(notAfter limit: SimTime) -> (time: SimTime, event: Event)? {
        if !cancelled.isEmpty { dropCancelledTop() }
        guard let top = heap.first, top.time <= limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(0, placing: last) }
        return (top.time, top.event)
    }

    @inlinable
    mutating func dropCancelledTop() {
        while !cancelled.isEmpty, let top = heap.first, cancelled.remove(top.sequence) != nil {
            let last = heap.removeLast()
            if !heap.isEmpty { siftDown(0, placing: last) }
        }
    }

    // The sift loops work on the raw buffer: with bounds and exclusivity checks they
    // ran about a third slower, and they are the whole cost of the engine.
    @inlinable
    mutating func siftUp(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = start
            let entry = buffer[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                guard entry.precedes(buffer[parent]) else { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = entry
        }
    }

    /// Moves `entry` down from the hole at `start` to where it belongs.
    @inlinable
    mutating func siftDown(_ start: Int, placing entry: Entry) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var parent = start
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && buffer[child + 1].precedes(buffer[child]) { child += 1 }
                guard buffer[child].precedes(entry) else { break }
                buffer[parent] = buffer[child]
                parent = child
            }
            buffer[parent] = entry
        }
    }
}

/// The identity of a scheduled event, used to cancel it.
public struct EventID: Hashable, Sendable {
    /// The event's sequence number in its queue.
    public let rawValue: UInt64

    /// Wraps a sequence number.
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }
}
