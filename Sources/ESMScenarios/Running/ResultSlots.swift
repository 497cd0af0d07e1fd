import Foundation

/// A fixed set of result slots that concurrent workers fill by index, so the collected
/// order never depends on thread scheduling.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func store(_ result: Value, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every result, in index order; all slots must be filled.
    public var results: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }

    /// Computes `work(index)` for every index in `0..<count` on all cores and returns the
    /// results in index order.
    public static func collect(count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        let slots = ResultSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(work(index), at: index)
        }
        return slots.results
    }
}
