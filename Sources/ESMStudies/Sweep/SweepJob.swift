import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel

/// The runs of a sweep (or one shard of it), validated and ready: every point's scenario
/// and profile, times the replications.
public struct SweepJob: Sendable {
    /// The sweep.
    public let sweep: Sweep
    /// The shard this job runs.
    public let shard: Shard
    /// The 0-based points it runs, ascending.
    public let points: [Int]
    /// Seeds per point.
    public let replications: Int
    /// One run per point and replication, point-major.
    let runs: [(scenario: Scenario, profile: BehaviourProfile)]

    /// What `run` writes: file names and their text.
    public typealias Files = [(name: String, text: String)]

    /// Checks every point of `shard` (a bad value or a run too large to simulate fails
    /// here, before any run), with
    /// `replications` seeds each: the point's seed (or the options'), then the next ones.
    public static func prepare(_ sweep: Sweep, shard: Shard, replications: Int, options: ScenarioRunner.Options) throws(DiagnosticError) -> SweepJob {
        let points = (0..<sweep.pointCount).filter(shard.contains)
        var runs: [(scenario: Scenario, profile: BehaviourProfile)] = []
        var problems: [Diagnostic] = []
        for point in points {
            do {
                let scenario = try sweep.scenario(at: point)
                let profile = try ScenarioRunner.profile(for: scenario, options: options)
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: sweep.file)
                for seed in ScenarioRunner.replicationSeeds(scenario, options: options, count: replications) {
                    var seeded = scenario
                    seeded.seed = seed
                    runs.append((seeded, profile))
                }
            } catch let error as DiagnosticError {
                problems += error.problems.map { problem in
                    var located = problem
                    located.message += " (point \(point + 1): \(describe(sweep, point: point)))"
                    return located
                }
            } catch {
                problems.append(Diagnostic(file: sweep.file, line: 0, column: 0, path: "", message: "\(error)"))
            }
            if problems.count >= 20 { break }
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return SweepJob(sweep: sweep, shard: shard, points: points, replications: replications, runs: runs)
    }

    /// How many simulations the job runs.
    public var runCount: Int { runs.count }

    /// `BatchSize=100, MinimumPollers=10`.
    static func describe(_ sweep: Sweep, point: Int) -> String {
        zip(sweep.axes, sweep.values(at: point)).map { "\($0.field.name)=\($1.compactJSON)" }.joined(separator: ", ")
    }

    /// Runs every point on all cores. Returns `sweep.csv` (a `point` column, the axis
    /// values, then the summary columns; one row per run) and, with replications,
    /// `confidence.csv` (one row per point); sharded jobs name them after the shard.
    public func run(options: ScenarioRunner.Options, pricing: Pricing, progress: ProgressMeter? = nil) -> Files {
        var seedless = options
        seedless.seed = nil  // each run already carries its replication's seed
        let records = ScenarioRunner.records(runs, options: seedless, pricing: pricing, progress: progress)
        let axisNames = ["point"] + sweep.axes.map(\.field.name)
        var rows = [CSVFormat.line(axisNames + RunOutputs.summaryColumns)]
        var intervals = [CSVFormat.line(axisNames + ReplicationSummary.columns)]
        for (offset, point) in points.enumerated() {
            let leading = [String(point + 1)] + sweep.values(at: point).map(\.cellText)
            let replicas = Array(records[(offset * replications)..<((offset + 1) * replications)])
            rows += replicas.map { CSVFormat.line(leading + $0.cells) }
            intervals.append(CSVFormat.line(leading + ReplicationSummary(replicas).cells))
        }
        var files: Files = [(shard.fileName("sweep"), rows.joined(separator: "\n") + "\n")]
        if replications > 1 { files.append((shard.fileName("confidence"), intervals.joined(separator: "\n") + "\n")) }
        return files
    }
}
