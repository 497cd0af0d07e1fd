import EventEngine

extension ESMSimulation {
    /// Run-wide counts and extremes: what the summary reports.
    struct Totals {
        /// Records and invocations counted so far.
        var counts = RunCounts()
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
