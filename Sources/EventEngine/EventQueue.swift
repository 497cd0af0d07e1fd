/// A priority queue of pending events ordered by (time, priority, sequence number), as
/// SimPy orders its events.
///
/// Events due at the same tick leave by priority tier (`EventPriority`), and within a tier
/// in the order they were scheduled: ties are never left to the heap, so a run is
/// repeatable bit for bit. In builds that define `ESMSIM_INTERNAL_CHECKS` the heap is
/// checked after every mutation (see `EventQueue+InternalChecks.swift`).
public struct EventQueue<Event> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: SimTime
        /// The tie-break within a tick: the priority tier in the top byte and the sequence
        /// number below it, so one integer comparison orders both.
        @usableFromInline var order: UInt64
        @usableFromInline var event: Event

        @inlinable
        init(time: SimTime, order: UInt64, event: Event) {
            self.time = time
            self.order = order
            self.event = event
        }

        @inlinable
        var sequence: UInt64 { order & (EventQueue.sequenceLimit - 1) }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    /// Sequence numbers fit below the priority byte: 2^56 schedules per queue, some
    /// twenty years of scheduling at a hundred million events a second.
    @inlinable
    static var sequenceLimit: UInt64 { 1 << 56 }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    ///
    /// - Complexity: O(1).
    public init() {}

    /// Whether no event is pending.
    ///
    /// - Complexity: O(1).
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The number of pending events.
    ///
    /// - Complexity: O(1).
    @inlinable public var count: Int { heap.count }

    /// Schedules `event` at `time` in tier `priority` and returns its identifier, for `cancel`.
    ///
    /// - Complexity: O(log n), n being the number of pending events.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime, priority: EventPriority = .normal) -> EventID {
        let sequence = nextSequence
        precondition(sequence < Self.sequenceLimit, "an event queue takes at most 2^56 schedules")
        nextSequence = sequence + 1
        heap.append(Entry(time: time, order: UInt64(priority.rawValue) << 56 | sequence, event: event))
        let placed = siftUp(heap.count - 1)
        checkHeap(alongPathBetween: heap.count - 1, and: placed)
        return EventID(rawValue: sequence)
    }

    /// Removes a pending event and returns it; nil, changing nothing, when the event already
    /// ran or was cancelled.
    ///
    /// - Complexity: O(n): the event is found by a scan. Keeping each entry's position to
    ///   find it faster would slow every `schedule` and `next`, and the model never cancels.
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Event? {
        guard let position = heap.firstIndex(where: { $0.sequence == id.rawValue }) else { return nil }
        let removed = heap[position].event
        let last = heap.removeLast()
        guard position < heap.count else { return removed }
        // The last entry fills the hole, and may belong above it or below it.
        let placed: Int
        if position > 0 && last.precedes(heap[(position - 1) >> 1]) {
            heap[position] = last
            placed = siftUp(position)
        } else {
            placed = siftDown(position, placing: last)
        }
        checkHeap(alongPathBetween: position, and: placed)
        return removed
    }

    /// The time of the earliest pending event, if any.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func peekTime() -> SimTime? {
        heap.first?.time
    }

    /// Removes and returns the earliest pending event with its time.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public mutating func next() -> (time: SimTime, event: Event)? {
        next(notAfter: SimTime.max)
    }

    /// Removes and returns the earliest pending event if it is due at or before `limit`
    /// (whatever its tier); nil, leaving it queued, otherwise. One heap access instead of
    /// a peek and a pop.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public mutating func next(notAfter limit: SimTime) -> (time: SimTime, event: Event)? {
        guard let top = heap.first, top.time <= limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            let placed = siftDown(0, placing: last)
            checkHeap(alongPathBetween: 0, and: placed)
        }
        return (top.time, top.event)
    }

    // The sift loops work on the raw buffer: with bounds and exclusivity checks they
    // ran about a third slower, and they are the whole cost of the engine.

    /// Moves the entry at `start` up to where it belongs and returns where that is.
    @inlinable
    mutating func siftUp(_ start: Int) -> Int {
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
            return child
        }
    }

    /// Moves `entry` down from the hole at `start` to where it belongs and returns where that is.
    @inlinable
    mutating func siftDown(_ start: Int, placing entry: Entry) -> Int {
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
            return parent
        }
    }
}
