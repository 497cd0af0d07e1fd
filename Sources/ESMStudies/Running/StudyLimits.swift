import ESMScenarios
import ESMFormats

/// The largest sweep or plan one process agrees to start: the whole is estimated before
/// anything runs (every point's `WorkEstimate`, plus a fixed cost per run), and what
/// could not finish in hours is refused with its size and what drives it, instead of
/// running for days or printing nothing.
public struct StudyLimits: Equatable, Sendable {
    /// Most engine events in all, about two core-hours of a release build (`RunLimits`'
    /// figure: about four million events a second).
    public var maximumEvents: Double
    /// What a run costs besides its events (building, validating and pricing the scenario,
    /// formatting its row), in events: measured as about 0.4 ms a run of a hundred events.
    public var overheadEventsPerRun: Double
    /// Most configurations a plan's space may have, as many as a sweep's points.
    public var maximumPlanConfigurations: Int

    /// The limits of the command line.
    public static let standard = StudyLimits()

    /// Creates limits.
    public init(maximumEvents: Double = 30_000_000_000, overheadEventsPerRun: Double = 2_000, maximumPlanConfigurations: Int = Sweep.maximumPoints) {
        self.maximumEvents = maximumEvents
        self.overheadEventsPerRun = overheadEventsPerRun
        self.maximumPlanConfigurations = maximumPlanConfigurations
    }

    /// `about 30 billion events (the limit is ..., about two core-hours)`.
    func size(_ events: Double) -> String {
        "about \(RunLimits.approximate(events)) events in all (the limit is \(RunLimits.approximate(maximumEvents)), about \(CSVFormat.decimal(maximumEvents / 4.2e6 / 3600, places: 1)) core-hours)"
    }

    /// Refuses a sweep job whose estimated `events` exceed the limit, naming what drives
    /// them: the number of runs (axes and replications) or the costliest point's own work.
    func checkSweep(_ job: SweepJob, events: Double, costliest: (point: Int, events: Double)?) throws(DiagnosticError) {
        guard events > maximumEvents else { return }
        let sweep = job.sweep
        let scope = job.shard == .whole ? "" : " (shard \(job.shard.index) of \(job.shard.count))"
        var message = "too large for one process: \(FieldReader.format(Double(job.pointCount))) points\(scope) x \(job.replications) replication\(job.replications == 1 ? "" : "s") = \(RunLimits.approximate(Double(job.runCount))) runs, \(size(events)); "
        let runsCost = Double(job.runCount) * overheadEventsPerRun
        if let costliest, runsCost < events / 2 {
            message += "mostly the runs' own work: point \(costliest.point + 1) (\(SweepJob.describe(sweep, point: costliest.point))) alone is about \(RunLimits.approximate(costliest.events)) events; shorten horizonSeconds or drop the costliest values"
        } else {
            let axes = sweep.axes.map { "\($0.field.name) (\($0.values.count) values)" }.joined(separator: " x ")
            message += "mostly the number of runs: \(axes)\(job.replications > 1 ? " x --replications \(job.replications)" : ""); give fewer values"
        }
        let shards = Int((events / maximumEvents).rounded(.up)) * job.shard.count
        // Splitting helps only when no one point's runs exceed the limit on their own.
        let costliestPoint = Double(job.replications) * ((costliest?.events ?? 0) + overheadEventsPerRun)
        if shards <= min(Shard.maximumCount, sweep.pointCount) && costliestPoint <= maximumEvents {
            message += ", or split it with --shard I/N into at least \(shards) shards"
        }
        throw DiagnosticError(problems: [Diagnostic(file: sweep.file, line: 0, column: 0, path: "axes", message: message)])
    }
}
