extension EventQueue {
    /// Whether this build checks the heap after every mutation (builds that define
    /// `ESMSIM_INTERNAL_CHECKS`: the package's debug builds).
    ///
    /// - Complexity: O(1).
    public static var internalChecksEnabled: Bool {
        #if ESMSIM_INTERNAL_CHECKS
        return true
        #else
        return false
        #endif
    }

    /// Checks the heap property at every slot on the path between `one` and `other`, one
    /// an ancestor of the other; compiled to nothing unless `ESMSIM_INTERNAL_CHECKS` is defined.
    ///
    /// Every mutation writes only the slots along such a path (a sift), so every
    /// parent-child pair it could have broken has an end on the path. Checking those pairs
    /// after each mutation checks the whole heap by induction from the empty queue, at
    /// O(log n) a mutation rather than O(n), so debug runs of whole scenarios stay affordable.
    @inlinable
    @inline(__always)
    func checkHeap(alongPathBetween one: Int, and other: Int) {
        #if ESMSIM_INTERNAL_CHECKS
        precondition(UInt64(heap.count) <= nextSequence, "heap: \(heap.count) entries from \(nextSequence) schedules")
        let top = min(one, other)
        var slot = max(one, other)
        while slot > top {
            checkSlot(slot)
            slot = (slot - 1) >> 1
        }
        precondition(slot == top, "heap: slot \(top) is not an ancestor of slot \(max(one, other))")
        checkSlot(top)
        #endif
    }

    /// Checks that the entry at `slot` follows its parent and precedes its children, and
    /// that its sequence number was handed out.
    @inlinable
    func checkSlot(_ slot: Int) {
        let entry = heap[slot]
        precondition(entry.sequence < nextSequence, "heap: slot \(slot) holds unissued sequence \(entry.sequence)")
        if slot > 0 {
            let parent = (slot - 1) >> 1
            precondition(!entry.precedes(heap[parent]), "heap: slot \(slot) precedes its parent \(parent)")
        }
        for child in stride(from: 2 * slot + 1, to: min(2 * slot + 3, heap.count), by: 1) {
            precondition(!heap[child].precedes(entry), "heap: child \(child) precedes its parent \(slot)")
        }
    }

    /// Checks the heap property at every slot, for tests of the induction above.
    ///
    /// - Complexity: O(n).
    @usableFromInline
    func checkWholeHeap() {
        for slot in heap.indices { checkSlot(slot) }
    }
}
