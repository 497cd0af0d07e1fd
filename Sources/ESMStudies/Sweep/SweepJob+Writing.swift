import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel

extension SweepJob {
    /// Runs every point on all cores and streams the rows, in point order whatever the
    /// scheduling, into `folder`: `sweep.csv` (a `point` column, the axis values, then the
    /// summary columns; one row per run) and, with replications, `confidence.csv` (one row
    /// per point); a shard's files are named after it and framed by its identity. Memory
    /// holds one block of runs, not the sweep. Returns the paths written; on failure
    /// nothing is left behind.
    /// - Complexity: O(runs) simulations; memory O(block).
    public func write(into folder: String, options: ScenarioRunner.Options, pricing: Pricing, progress: ProgressMeter? = nil) throws(AtomicFile.WriteError) -> [String] {
        let axisNames = ["point"] + sweep.axes.map(\.field.name)
        let identity = { (stem: String, rows: Int) in shard == .whole ? nil : self.identity(stem, rows: rows, options: options, pricing: pricing) }
        let runs = try SweepOutputFile(path: folder + "/" + shard.fileName("sweep"), identity: identity("sweep", runCount), header: axisNames + RunOutputs.summaryColumns)
        var outputs = [runs]
        defer { for output in outputs { output.abandon() } }
        let intervals = replications > 1
            ? try SweepOutputFile(path: folder + "/" + shard.fileName("confidence"), identity: identity("confidence", pointCount), header: axisNames + ReplicationSummary.columns)
            : nil
        if let intervals { outputs.append(intervals) }
        let profiles = ProfileCache(options: options)
        let seedless = { var seedless = options; seedless.seed = nil; return seedless }()  // each run carries its replication's seed
        let replications = self.replications
        let pointsPerBlock = max(1, 4_096 / replications)
        try OrderedBlocks.forEach(count: runCount, size: pointsPerBlock * replications, progress: progress) { run -> Result<SummaryRecord, DiagnosticError> in
            let point = self.point(run / replications)
            return record {
                var scenario = try sweep.scenario(at: point)
                let profile = try profiles.profile(for: scenario)
                scenario.seed = ScenarioRunner.replicationSeed(scenario, options: options, replication: run % replications)
                return try ScenarioRunner.record(scenario, profile: profile, options: seedless, pricing: pricing, file: sweep.file)
            }
        } consume: { (range: Range<Int>, results: [Result<SummaryRecord, DiagnosticError>]) throws(AtomicFile.WriteError) -> Bool in
            // Blocks hold whole points, so each point's replications are together.
            for first in stride(from: 0, to: results.count, by: replications) {
                let point = self.point((range.lowerBound + first) / replications)
                let leading = [String(point + 1)] + sweep.values(at: point).map(\.cellText)
                let records = try Self.records(results[first..<(first + replications)], point: point, path: runs.path)
                for record in records { try runs.append(leading + record.cells) }
                try intervals?.append(leading + ReplicationSummary(records).cells)
            }
            return true
        }
        for output in outputs { try output.commit() }
        return outputs.map(\.path)
    }

    /// The summary row `body` makes, or the problem that kept the run from being made.
    func record(_ body: () throws -> SummaryRecord) -> Result<SummaryRecord, DiagnosticError> {
        do {
            return .success(try body())
        } catch let error as DiagnosticError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticError(problems: [Diagnostic(file: sweep.file, line: 0, column: 0, path: "", message: "\(error)")]))
        }
    }

    /// One point's rows, or the write error that stops the sweep when one of its runs failed.
    static func records(_ results: ArraySlice<Result<SummaryRecord, DiagnosticError>>, point: Int, path: String) throws(AtomicFile.WriteError) -> [SummaryRecord] {
        var records: [SummaryRecord] = []
        for result in results {
            switch result {
            case .success(let record): records.append(record)
            case .failure(let error):
                // `prepare` built this very scenario, so only a changed profile file gets here.
                throw AtomicFile.WriteError(path: path, reason: "point \(point + 1) can no longer run: \(error.description)")
            }
        }
        return records
    }

    /// What identifies this shard's `stem` file, which holds `rows` rows.
    func identity(_ stem: String, rows: Int, options: ScenarioRunner.Options, pricing: Pricing) -> ShardIdentity {
        var axes = ContentHash()
        for axis in sweep.axes {
            axes.feed(axis.field.name + "=")
            for value in axis.values { axes.feed(value.compactJSON + ",") }
            axes.feed(";")
        }
        let base = try? sweep.template.scenario([])
        let profile = base.flatMap { try? ScenarioRunner.profile(for: $0, options: options) }
        return ShardIdentity(values: [
            "file": stem, "shard": "\(shard.index)/\(shard.count)", "version": ESMSimVersion.current,
            "points": String(sweep.pointCount), "replications": String(replications), "rows": String(rows),
            "seed": options.seed.map(String.init) ?? base.map { String($0.seed) } ?? "",
            "scenario": ContentHash(sweep.template.defaultName + "\n" + sweep.template.json.compactJSON).hex, "axes": axes.hex,
            "profile": ContentHash((base.map { ScenarioRunner.profileName(for: $0, options: options) } ?? "") + "\n" + String(describing: profile)).hex,
            "prices": ContentHash(String(describing: pricing.prices) + "\n\(pricing.freeTier)").hex,
            "interval": CSVFormat.seconds(options.sampleInterval), "horizon": options.horizon.map(CSVFormat.seconds) ?? "scenario",
        ])
    }
}
