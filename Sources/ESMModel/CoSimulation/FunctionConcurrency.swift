import EventEngine

/// The concurrency of one function that several co-simulated ESMs invoke: the count the
/// throttle decision reads, so the ESMs share the function's limit (reserved concurrency,
/// else the account's), and the function-wide maxima the total outputs report.
///
/// A reference type on purpose: every mapping's `ESMSimulation` holds the same instance,
/// and they all run in one event loop (`CoSimulation`), never concurrently. Invocation
/// starts and ends are counted lazily, like `ESMSimulation.settleConcurrency`: in time
/// order, ends before starts within a tick, so an invocation ending as another (of any
/// mapping) starts frees its place.
final class FunctionConcurrency {
    /// Invocations running, as of the last `settle`.
    private(set) var current = 0
    /// The most invocations running at once so far, and when that was first reached.
    private(set) var maximum = 0
    private(set) var timeOfMaximum: SimTime = 0
    /// Starts (true) and ends (false) not yet counted.
    private var changes = EventQueue<Bool>()
    /// The sampling interval the interval maxima are kept for.
    let sampleInterval: SimTime
    /// The most invocations running during each sampling interval (the row at k × interval
    /// covers the times after (k − 1) × interval up to k × interval); intervals after the
    /// last change are missing and hold `current`.
    private var intervalMaxima: [Int] = []

    /// A function with nothing running, sampled every `sampleInterval`.
    init(sampleInterval: SimTime) { self.sampleInterval = max(1, sampleInterval) }

    /// Counts an invocation of any mapping running from `start` to `end`.
    func invocation(from start: SimTime, to end: SimTime) {
        changes.schedule(true, at: start, priority: .normal)
        changes.schedule(false, at: end, priority: .urgent)
    }

    /// Applies every start and end up to `now` and returns the invocations running.
    ///
    /// - Complexity: O(k log n) for k changes applied, n pending.
    @discardableResult
    func settle(at now: SimTime) -> Int {
        while let (time, isStart) = changes.next(notAfter: now) {
            let interval = Int((time + sampleInterval - 1) / sampleInterval)
            while intervalMaxima.count <= interval { intervalMaxima.append(current) }
            guard isStart else {
                current -= 1
                continue
            }
            current += 1
            if current > intervalMaxima[interval] { intervalMaxima[interval] = current }
            if current > maximum {
                maximum = current
                timeOfMaximum = time
            }
        }
        return current
    }

    /// The most invocations running during the sampling interval ending at `rowTime`
    /// (a multiple of the interval), as of the last `settle`.
    func intervalMaximum(endingAt rowTime: SimTime) -> Int {
        let interval = Int(rowTime / sampleInterval)
        return interval < intervalMaxima.count ? intervalMaxima[interval] : current
    }
}
