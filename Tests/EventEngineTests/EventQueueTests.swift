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
        XCTAssertEqual(queue.cancel(b), "b")
        XCTAssertEqual(queue.peekTime(), 1)
        XCTAssertEqual(queue.next()?.event, "a")
        XCTAssertEqual(queue.peekTime(), 3, "the cancelled event at 2 is skipped")
        XCTAssertEqual(queue.next()?.event, "c")
        XCTAssertNil(queue.next())
        XCTAssertTrue(queue.isEmpty)
    }

    /// Cancelling an event that already ran must not count as removing a pending one:
    /// the queue once marked it cancelled anyway, so it looked empty with an event still
    /// pending and the loop reported `.exhausted` instead of `.horizon`.
    func testCancellingAnEventThatAlreadyRanLeavesPendingEventsAlone() {
        struct Cancels: EventHandler {
            var ran: [String] = []
            var early: EventID?
            mutating func handle(_ event: String, at now: SimTime, queue: inout EventQueue<String>) {
                ran.append(event)
                if event == "late" { return }
                // Cancels itself: it is running, so it is no longer pending.
                if let early { queue.cancel(early) }
            }
            func isFinished(at now: SimTime) -> Bool { false }
        }
        var queue = EventQueue<String>()
        var handler = Cancels()
        handler.early = queue.schedule("early", at: 1)
        queue.schedule("late", at: 50)
        let outcome = EventLoop.run(&handler, queue: &queue, until: 10)
        XCTAssertEqual(handler.ran, ["early"])
        XCTAssertEqual(outcome.stop, .horizon, "the event at 50 is still pending")
        XCTAssertFalse(queue.isEmpty)
        XCTAssertEqual(queue.next()?.event, "late")
    }

    func testCancelReturnsTheEventOnlyWhileItIsPending() {
        var queue = EventQueue<String>()
        let a = queue.schedule("a", at: 1)
        let b = queue.schedule("b", at: 2)
        XCTAssertEqual(queue.next()?.event, "a")
        XCTAssertNil(queue.cancel(a), "a already ran")
        XCTAssertEqual(queue.cancel(b), "b")
        XCTAssertNil(queue.cancel(b), "b is already cancelled")
        XCTAssertNil(queue.cancel(EventID(rawValue: 99)), "never scheduled")
        XCTAssertTrue(queue.isEmpty)
        XCTAssertEqual(queue.count, 0)
    }

    /// Within a tick the tier decides, then the scheduling order; time always comes first.
    func testSameTimeEventsLeaveByPriorityThenSchedulingOrder() {
        var queue = EventQueue<String>()
        queue.schedule("normal 1", at: 5)
        queue.schedule("urgent 1", at: 5, priority: .urgent)
        queue.schedule("late urgent", at: 6, priority: .urgent)
        queue.schedule("normal 2", at: 5, priority: .normal)
        queue.schedule("low", at: 5, priority: EventPriority(rawValue: 200))
        queue.schedule("urgent 2", at: 5, priority: .urgent)
        queue.schedule("early normal", at: 4)
        var popped: [String] = []
        while let (_, event) = queue.next() { popped.append(event) }
        XCTAssertEqual(popped, ["early normal", "urgent 1", "urgent 2", "normal 1", "normal 2", "low", "late urgent"])
    }

    func testNextNotAfterTakesEveryTierAtTheLimit() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: 10, priority: .normal)
        queue.schedule(2, at: 10, priority: .urgent)
        queue.schedule(3, at: 11, priority: .urgent)
        XCTAssertEqual(queue.next(notAfter: 10)?.event, 2)
        XCTAssertEqual(queue.next(notAfter: 10)?.event, 1)
        XCTAssertNil(queue.next(notAfter: 10))
        XCTAssertEqual(queue.count, 1)
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

    func testLoopStopsAtItsEventLimitButLetsAFinishAtTheLimitStandAsFinished() {
        struct Ticker: EventHandler {
            var seen: [SimTime] = []
            var finishAt: SimTime = .max
            mutating func handle(_ event: Int, at now: SimTime, queue: inout EventQueue<Int>) {
                seen.append(now)
                queue.schedule(event, at: now + 10)
            }
            func isFinished(at now: SimTime) -> Bool { now >= finishAt }
        }
        var ticker = Ticker()
        var queue = EventQueue<Int>()
        queue.schedule(0, at: 0)
        let stopped = EventLoop.run(&ticker, queue: &queue, until: 1_000, eventLimit: 3)
        XCTAssertEqual(stopped.stop, .eventLimit)
        XCTAssertEqual(stopped.time, 20)
        XCTAssertEqual(stopped.handled, 3)
        XCTAssertEqual(queue.count, 1, "the next event stays queued")

        var finishing = Ticker(finishAt: 20)
        var again = EventQueue<Int>()
        again.schedule(0, at: 0)
        XCTAssertEqual(EventLoop.run(&finishing, queue: &again, until: 1_000, eventLimit: 3).stop, .finished)

        // The limit-th event being the last before the horizon, the run ended on its own.
        var exact = Ticker()
        var last = EventQueue<Int>()
        last.schedule(0, at: 0)
        XCTAssertEqual(EventLoop.run(&exact, queue: &last, until: 20, eventLimit: 3).stop, .horizon)
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

    func testInternalChecksAreCompiledIntoDebugBuilds() {
        #if DEBUG
        XCTAssertTrue(EventQueue<Int>.internalChecksEnabled, "debug builds must define ESMSIM_INTERNAL_CHECKS")
        #endif
    }
}
