import Foundation

/// Hands out work indices to threads and sums the events they report.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var events = 0

    /// The next index, or nil once `count` have been handed out.
    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func add(events more: Int) {
        lock.lock()
        events += more
        lock.unlock()
    }
}
