/// Something that reacts to events popped from an `EventQueue`.
public protocol EventHandler {
    /// The event type this handler schedules and handles.
    associatedtype Event

    /// Handles `event` at simulated time `now`, scheduling follow-ups on `queue`.
    mutating func handle(_ event: Event, at now: SimTime, queue: inout EventQueue<Event>)

    /// Whether the run is over even though events remain (for example, every goal is met).
    func isFinished(at now: SimTime) -> Bool
}

/// Drives a handler from a queue until a horizon, until nothing is left, or until the
/// handler says it is finished.
public enum EventLoop {
    /// Why a run stopped.
    public enum Stop: Equatable, Sendable {
        /// No live event was left.
        case exhausted
        /// The next event lay beyond the horizon.
        case horizon
        /// The handler reported it was finished.
        case finished
        /// The run handled as many events as it was allowed (`eventLimit`), with more due
        /// before the horizon.
        case eventLimit
    }

    /// Runs events in (time, priority, sequence) order and returns why it stopped, the
    /// time it stopped at, and how many events it handled.
    ///
    /// Events at exactly `horizon` still run; later ones stay in the queue. After
    /// `eventLimit` events the loop stops even if the run is not over, so a run whose cost
    /// was only estimated cannot outgrow what its caller agreed to spend.
    ///
    /// - Complexity: O(k log n) for k events handled, n pending, plus the handler's work.
    @inlinable
    public static func run<Handler: EventHandler>(
        _ handler: inout Handler,
        queue: inout EventQueue<Handler.Event>,
        until horizon: SimTime,
        eventLimit: Int = .max
    ) -> (stop: Stop, time: SimTime, handled: Int) {
        var handled = 0
        var now: SimTime = 0
        while true {
            guard let (eventTime, event) = queue.next(notAfter: horizon) else {
                return queue.isEmpty ? (.exhausted, now, handled) : (.horizon, horizon, handled)
            }
            now = eventTime
            handler.handle(event, at: now, queue: &queue)
            handled += 1
            if handler.isFinished(at: now) { return (.finished, now, handled) }
            // Stopped only with work left: a run whose last event is its limit-th ended on its own.
            if handled >= eventLimit, let next = queue.peekTime(), next <= horizon { return (.eventLimit, now, handled) }
        }
    }
}
