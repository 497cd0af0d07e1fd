import EventEngine

/// The concurrency and execution environments of one function that several co-simulated
/// ESMs invoke: the count the throttle decision reads, so the ESMs share the function's
/// limit (reserved concurrency, else the account's); the one `ExecutionEnvironmentPool`
/// they all start on, so cold starts, the scaling rate, idle reclaim and provisioned
/// concurrency are the function's, not each ESM's; and the function-wide maxima the total
/// outputs report.
///
/// A reference type on purpose: every mapping's `ESMSimulation` holds the same instance,
/// and they all run in one event loop (`CoSimulation`), never concurrently. Invocation
/// starts and ends are applied lazily, like `ESMSimulation.settleConcurrency`: in time
/// order, ends before starts within a tick (so an invocation ending as another, of any
/// mapping, starts frees its place and its environment), and same-tick starts in the
/// order they were committed to (the queue's sequence), whichever ESM they belong to.
final class FunctionConcurrency {
    /// An invocation start or end of one mapping, not yet applied.
    struct Change {
        /// The mapping's index in `CoSimulationConfiguration.mappings`.
        var mapping: Int32
        var isStart: Bool
    }

    /// Invocations running, as of the last `settle`.
    private(set) var current = 0
    /// The most invocations running at once so far, and when that was first reached.
    private(set) var maximum = 0
    private(set) var timeOfMaximum: SimTime = 0
    /// The function's execution environments, as of the last `settle`.
    private(set) var environments: ExecutionEnvironmentPool
    /// Starts and ends not yet applied.
    private var changes = EventQueue<Change>()
    /// The sampling interval the interval maxima are kept for.
    let sampleInterval: SimTime
    /// The most invocations running during each sampling interval (the row at k × interval
    /// covers the times after (k − 1) × interval up to k × interval); intervals after the
    /// last change are missing and hold `current`.
    private var intervalMaxima: [Int] = []
    /// Per mapping, the start times of its cold starts not yet taken by its samples, oldest first.
    private var untakenColdStarts: [[SimTime]]
    private var untakenHeads: [Int]
    /// Every start applied, in order, when a test asks for it (`recordStarts`).
    private(set) var startLog: [LoggedStart]?

    /// One applied start, for tests of the shared pool's properties.
    struct LoggedStart: Equatable {
        var time: SimTime
        var mapping: Int
        var assignment: ExecutionEnvironmentPool.Assignment
        /// Environments (on-demand or provisioned) idle just before the start.
        var idleBefore: Int
    }

    /// A function with nothing running and `environments` as its pool, invoked by
    /// `mappings` ESMs and sampled every `sampleInterval`.
    init(sampleInterval: SimTime, environments: ExecutionEnvironmentPool, mappings: Int) {
        self.sampleInterval = max(1, sampleInterval)
        self.environments = environments
        untakenColdStarts = Array(repeating: [], count: mappings)
        untakenHeads = Array(repeating: 0, count: mappings)
    }

    /// Keeps a log of every start from now on (`startLog`); for tests.
    func recordStarts() { startLog = [] }

    /// Counts an invocation of `mapping` running from `start` to `end`.
    func invocation(of mapping: Int32, from start: SimTime, to end: SimTime) {
        changes.schedule(Change(mapping: mapping, isStart: true), at: start, priority: .normal)
        changes.schedule(Change(mapping: mapping, isStart: false), at: end, priority: .urgent)
    }

    /// Where an invocation starting at `now` would run, with every start and end up to
    /// `now` applied; changes nothing else.
    func assignment(at now: SimTime) -> ExecutionEnvironmentPool.Assignment {
        settle(at: now)
        return environments.assignment(at: now)
    }

    /// Applies every start and end up to `now` and returns the invocations running.
    ///
    /// - Complexity: O(k log n) for k changes applied, n pending.
    @discardableResult
    func settle(at now: SimTime) -> Int {
        while let (time, change) = changes.next(notAfter: now) {
            let interval = Int((time + sampleInterval - 1) / sampleInterval)
            while intervalMaxima.count <= interval { intervalMaxima.append(current) }
            guard change.isStart else {
                current -= 1
                environments.release(at: time)
                continue
            }
            start(of: Int(change.mapping), at: time)
            current += 1
            if current > intervalMaxima[interval] { intervalMaxima[interval] = current }
            if current > maximum {
                maximum = current
                timeOfMaximum = time
            }
        }
        return current
    }

    /// Puts a start of `mapping` at `time` on an environment, noting a cold start as its.
    private func start(of mapping: Int, at time: SimTime) {
        let idleBefore = startLog == nil
            ? 0 : environments.idleOnDemand(at: time) + max(environments.provisioned - environments.busy, 0)
        let assignment = environments.acquire(at: time)
        #if ESMSIM_INTERNAL_CHECKS
        // Only a start the throttle decision let through, or one that cannot meet the
        // scaling rate (`Constants.throttlingImpossible`), is ever committed to.
        precondition(assignment != .throttled, "an invocation started at \(time) with no environment the scaling rate allows")
        precondition(environments.busy == current + 1, "\(environments.busy) environments busy, \(current + 1) invocations running")
        #endif
        if assignment == .cold { untakenColdStarts[mapping].append(time) }
        startLog?.append(LoggedStart(time: time, mapping: mapping, assignment: assignment, idleBefore: idleBefore))
    }

    /// The cold starts of `mapping` up to `time` not taken before, settling up to `time`
    /// first. A mapping's samples take them in time order, so each row counts the cold
    /// starts of its own interval even when the pool was settled further by other ESMs.
    ///
    /// - Complexity: O(cold starts taken), amortized.
    func takeColdStarts(of mapping: Int, through time: SimTime) -> Int64 {
        settle(at: time)
        let times = untakenColdStarts[mapping]
        var head = untakenHeads[mapping]
        let first = head
        while head < times.count, times[head] <= time { head += 1 }
        if head == times.count {
            untakenColdStarts[mapping].removeAll(keepingCapacity: true)
            untakenHeads[mapping] = 0
        } else {
            untakenHeads[mapping] = head
        }
        return Int64(head - first)
    }

    /// The most invocations running during the sampling interval ending at `rowTime`
    /// (a multiple of the interval), as of the last `settle`.
    func intervalMaximum(endingAt rowTime: SimTime) -> Int {
        let interval = Int(rowTime / sampleInterval)
        return interval < intervalMaxima.count ? intervalMaxima[interval] : current
    }
}
