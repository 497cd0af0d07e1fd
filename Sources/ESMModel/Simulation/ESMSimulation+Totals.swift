import EventEngine

extension ESMSimulation {
    /// Run-wide counts and extremes: what the summary reports.
    struct Totals {
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
        /// Billed function duration, rounded up per invocation as Lambda bills.
        var billedMilliseconds: Int64 = 0
        var maxConcurrency = 0
        var timeOfMaxConcurrency: SimTime = 0
        var peakLag: Int64 = 0
        /// When `configuration.cutoff` stopped the run; nil when it ran to its end.
        var cutOffAt: SimTime?
        /// How long records waited from arrival to invocation.
        var recordAges = AgeHistogram()
        /// Cold starts of this ESM's invocations on a function's shared pool, as far as its samples took them.
        var sharedColdStarts: Int64 = 0
    }
}
