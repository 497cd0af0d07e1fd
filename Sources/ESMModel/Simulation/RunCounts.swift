/// The run's cumulative counts of records and invocations: what the summary and each
/// time-series row report, what a sample or scaler reading reads (`StateReading`), and
/// what a compressed step grows by whole cycles (`ESMSimulation.cycleCounts`).
struct RunCounts: Equatable {
    /// Records whose offsets are committed.
    var committed: Int64 = 0
    /// Records the function processed successfully (or skipped past as dropped).
    var processed: Int64 = 0
    /// Records dropped after their retries or age ran out.
    var dropped: Int64 = 0
    /// Records fetched so far (the backlog a LATEST start skips left out).
    var fetched: Int64 = 0
    var invocations: Int64 = 0
    var errors: Int64 = 0
    var throttles: Int64 = 0
    /// The `EventCount` metrics so far.
    var events = EventCounts()

    /// Every count but `events`, in declaration order, for code that treats them alike.
    static var scalars: [WritableKeyPath<RunCounts, Int64>] {
        [\.committed, \.processed, \.dropped, \.fetched, \.invocations, \.errors, \.throttles]
    }
}

extension RunCounts {
    /// These counts `cycles` cycles later, each grown by what the cycle from `start` to
    /// `end` added.
    func advanced(by cycles: Int64, start: RunCounts, end: RunCounts) -> RunCounts {
        var result = self
        for field in Self.scalars { result[keyPath: field] += cycles * (end[keyPath: field] - start[keyPath: field]) }
        result.events = events.merged(with: end.events.since(start.events)) { $0 + cycles * $1 }
        return result
    }
}
