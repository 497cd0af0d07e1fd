import XCTest
@testable import EventEngine

/// `EventQueue.shift`: moved events keep their order among themselves and leave after
/// unmoved events due at the same tick, as events scheduled later do.
final class EventQueueTranslationTests: XCTestCase {
    func testShiftMovesSelectedEventsAndReordersTiesAfterTheRest() {
        var queue = EventQueue<Int>()
        queue.schedule(100, at: 50)       // stays
        queue.schedule(1, at: 10)
        queue.schedule(2, at: 10)
        queue.schedule(3, at: 20, priority: .urgent)
        queue.schedule(101, at: 40)       // stays
        queue.shift(by: 30) { $0 < 100 }  // 1, 2 to 40; 3 to 50
        XCTAssertEqual(queue.pendingInOrder().map(\.event), [101, 1, 2, 3, 100])
        XCTAssertEqual(queue.pendingInOrder().map(\.time), [40, 40, 40, 50, 50])
        queue.schedule(4, at: 40)
        var order: [Int] = []
        while let (_, event) = queue.next() { order.append(event) }
        XCTAssertEqual(order, [101, 1, 2, 4, 3, 100])
    }
}
