@testable import EventEngine
import XCTest

/// The queue against a plain sorted list, over many random seeded mixes of schedules,
/// pops and cancels (of pending, finished and unknown events), with the whole heap
/// checked after every operation.
final class EventQueuePropertyTests: XCTestCase {
    /// What the queue must behave like: every pending event, in (time, priority, sequence) order.
    struct ReferenceQueue {
        var pending: [(time: SimTime, priority: UInt8, sequence: UInt64)] = []

        mutating func insert(time: SimTime, priority: UInt8, sequence: UInt64) {
            pending.append((time, priority, sequence))
            pending.sort { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
        }

        mutating func remove(sequence: UInt64) -> Bool {
            guard let index = pending.firstIndex(where: { $0.sequence == sequence }) else { return false }
            pending.remove(at: index)
            return true
        }
    }

    func testQueueAgreesWithASortedListUnderRandomOperations() {
        for seed in UInt64(1)...40 {
            var random = RandomStream(seed: seed)
            var queue = EventQueue<UInt64>()
            var reference = ReferenceQueue()
            var issued: UInt64 = 0
            var now: SimTime = 0
            // Few distinct times and tiers, so ties are common.
            let timeSpan = 1 + random.next() % 50
            for step in 0..<600 {
                switch random.next() % 10 {
                case 0..<5:
                    let time = now + SimTime(random.next() % timeSpan)
                    let priority = UInt8(random.next() % 3)
                    let id = queue.schedule(issued, at: time, priority: EventPriority(rawValue: priority))
                    XCTAssertEqual(id.rawValue, issued)
                    reference.insert(time: time, priority: priority, sequence: issued)
                    issued += 1
                case 5..<8:
                    let expected = reference.pending.first
                    let popped = queue.next()
                    XCTAssertEqual(popped?.event, expected?.sequence, "seed \(seed) step \(step)")
                    XCTAssertEqual(popped?.time, expected?.time, "seed \(seed) step \(step)")
                    if let expected {
                        _ = reference.remove(sequence: expected.sequence)
                        now = expected.time
                    }
                default:
                    // Any identifier, including ones that ran, were cancelled or were never issued.
                    let target = random.next() % (issued + 2)
                    let wasPending = reference.remove(sequence: target)
                    XCTAssertEqual(queue.cancel(EventID(rawValue: target)), wasPending ? target : nil, "seed \(seed) step \(step)")
                }
                queue.checkWholeHeap()
                XCTAssertEqual(queue.count, reference.pending.count, "seed \(seed) step \(step)")
                XCTAssertEqual(queue.isEmpty, reference.pending.isEmpty)
                XCTAssertEqual(queue.peekTime(), reference.pending.first?.time)
            }
        }
    }
}
