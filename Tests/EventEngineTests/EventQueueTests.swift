import EventEngine
import XCTest

final class EventQueueTests: XCTestCase {
    func testSameTimeEventsLeaveInSchedulingOrder() {
        var queue = EventQueue<Int>()
        for value in 0..<1_000 { queue.schedule(value, at: 5) }
        queue.schedule(-1, at: 1)
        var popped: [Int] = []
        while let (_, value) = queue.next() { popped.append(value) }
        XCTAssertEqual(popped, [-1] + Array(0..<1_000))
    }

    func testEventsLeaveInTimeOrder() {
        var queue = EventQueue<SimTime>()
        var random = RandomStream(seed: 7)
        for _ in 0..<5_000 {
            let time = SimTime(random.next() % 10_000)
            queue.schedule(time, at: time)
        }
        var last: SimTime = -1
        var count = 0
        while let (time, value) = queue.next() {
            XCTAssertEqual(time, value)
            XCTAssertGreaterThanOrEqual(time, last)
            last = time
            count += 1
        }
        XCTAssertEqual(count, 5_000)
    }

    func testCancelledEventsNeverRun() {
        var queue = EventQueue<String>()
        queue.schedule("a", at: 1)
        let b = queue.schedule("b", at: 2)
        queue.schedule("c", at: 3)
        queue.cancel(b)
        XCTAssertEqual(queue.peekTime(), 1)
        XCTAssertEqual(queue.next()?.event, "a")
        XCTAssertEqual(queue.peekTime(), 3, "the cancelled event at 2 is skipped")
        XCTAssertEqual(queue.next()?.event, "c")
        XCTAssertNil(queue.next())
        XCTAssertTrue(queue.isEmpty)
    }

    func testLoopStopsAtHorizonAndRunsEventsAtIt() {
        struct Counter: EventHandler {
            var seen: [SimTime] = []
            mutating func handle(_ event: Int, at now: SimTime, queue: inout EventQueue<Int>) {
                seen.append(now)
                queue.schedule(event, at: now + 10)
            }
            func isFinished(at now: SimTime) -> Bool { false }
        }
        var counter = Counter()
        var queue = EventQueue<Int>()
        queue.schedule(0, at: 0)
        let outcome = EventLoop.run(&counter, queue: &queue, until: 30)
        XCTAssertEqual(outcome.stop, .horizon)
        XCTAssertEqual(counter.seen, [0, 10, 20, 30])
        XCTAssertEqual(outcome.handled, 4)
    }

    func testLoopReportsExhaustion() {
        struct Once: EventHandler {
            mutating func handle(_ event: Int, at now: SimTime, queue: inout EventQueue<Int>) {}
            func isFinished(at now: SimTime) -> Bool { false }
        }
        var handler = Once()
        var queue = EventQueue<Int>()
        queue.schedule(1, at: 4)
        XCTAssertEqual(EventLoop.run(&handler, queue: &queue, until: 100).stop, .exhausted)
    }
}
