import ESMModel
import Foundation

/// A fixed set of result slots that concurrent workers fill by index, so the collected
/// order never depends on thread scheduling.
final class ResultSlots: @unchecked Sendable {
    private var slots: [RunResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: RunResult, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every result, in index order; all slots must be filled.
    var results: [RunResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
