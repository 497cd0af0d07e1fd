import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel

/// The runs of a sweep (or one shard of it), checked and ready: every point validated and
/// its work estimated, the whole refused up front when it cannot finish. Points are not
/// kept: they are rebuilt block by block as they run, so memory does not grow with them.
public struct SweepJob: Sendable {
    /// The sweep.
    public let sweep: Sweep
    /// The shard this job runs.
    public let shard: Shard
    /// Seeds per point.
    public let replications: Int
    /// The estimated work of every run, per-run overhead included, in engine events.
    public let estimatedEvents: Double

    /// What `run` writes: file names and their text.
    public typealias Files = [(name: String, text: String)]

    /// How many points this shard runs: the numbers below `sweep.pointCount` that leave
    /// remainder `shard.index - 1` modulo `shard.count`.
    public var pointCount: Int { max(0, (sweep.pointCount - shard.index + shard.count) / shard.count) }

    /// The sweep's 0-based number of this shard's `offset`-th point.
    public func point(_ offset: Int) -> Int { offset * shard.count + shard.index - 1 }

    /// How many simulations the job runs.
    public var runCount: Int { pointCount * replications }

    /// Checks every point of `shard` before any run: a bad value, a run too large to
    /// simulate, or a whole too large to finish (`limits`) fails here. `progress`, given
    /// the number of points to check, makes a meter that hears of each.
    /// - Complexity: O(points) scenario builds, on all cores.
    public static func prepare(
        _ sweep: Sweep, shard: Shard, replications: Int, options: ScenarioRunner.Options,
        limits: StudyLimits = .standard, progress: ((_ points: Int) -> ProgressMeter)? = nil
    ) throws(DiagnosticError) -> SweepJob {
        let unchecked = SweepJob(sweep: sweep, shard: shard, replications: replications, estimatedEvents: 0)
        if shard.count > sweep.pointCount {
            throw DiagnosticError(problems: [Diagnostic(
                file: sweep.file, line: 0, column: 0, path: "",
                message: "--shard \(shard.index)/\(shard.count): the sweep has \(sweep.pointCount) point\(sweep.pointCount == 1 ? "" : "s"), so at most \(sweep.pointCount) shard\(sweep.pointCount == 1 ? "" : "s")")])
        }
        // The number of runs alone can rule the sweep out, before any point is built.
        try limits.checkSweep(unchecked, events: Double(unchecked.runCount) * limits.overheadEventsPerRun, costliest: nil)
        let profiles = ProfileCache(options: options)
        var problems: [Diagnostic] = []
        var events = 0.0
        var costliest: (point: Int, events: Double)?
        OrderedBlocks.forEach(count: unchecked.pointCount, size: 4_096, progress: progress?(unchecked.pointCount)) { offset -> Result<Double, DiagnosticError> in
            let point = unchecked.point(offset)
            do {
                let scenario = try sweep.scenario(at: point)
                let profile = try profiles.profile(for: scenario)
                return .success(try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: sweep.file).events)
            } catch let error as DiagnosticError {
                return .failure(DiagnosticError(problems: error.problems.map { problem in
                    var located = problem
                    located.context = "point \(point + 1): \(describe(sweep, point: point))"
                    return located
                }))
            } catch {
                return .failure(DiagnosticError(problems: [Diagnostic(file: sweep.file, line: 0, column: 0, path: "", message: "\(error) (point \(point + 1))")]))
            }
        } consume: { range, results in
            for (offset, result) in zip(range, results) {
                switch result {
                case .success(let pointEvents):
                    events += Double(replications) * (pointEvents + limits.overheadEventsPerRun)
                    if pointEvents > costliest?.events ?? -1 { costliest = (unchecked.point(offset), pointEvents) }
                case .failure(let error):
                    problems += error.problems
                }
            }
            return problems.count < 20
        }
        if !problems.isEmpty { throw DiagnosticError(problems: Array(problems.prefix(20))) }
        try limits.checkSweep(unchecked, events: events, costliest: costliest)
        return SweepJob(sweep: sweep, shard: shard, replications: replications, estimatedEvents: events)
    }

    /// `BatchSize=100, MinimumPollers=10`.
    static func describe(_ sweep: Sweep, point: Int) -> String {
        zip(sweep.axes, sweep.values(at: point)).map { "\($0.field.name)=\($1.compactJSON)" }.joined(separator: ", ")
    }
}
