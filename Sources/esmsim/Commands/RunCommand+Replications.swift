import ESMFormats
import ESMModel
import ESMScenarios

extension RunCommand {
    /// Runs `scenario` with `count` seeds on all cores, prints the mean and 95 % confidence
    /// interval of drain time and peak offset lag, and writes `replications.csv` (one
    /// summary row per seed) and `confidence.csv` into `folder`.
    static func replicate(
        _ scenario: Scenario, profile: BehaviourProfile, options: ScenarioRunner.Options, pricing: PriceOptions,
        count: Int, folder: String, file: String
    ) -> ExitCode {
        let runs = ScenarioRunner.replicationSeeds(scenario, options: options, count: count).map { seed in
            var seeded = scenario
            seeded.seed = seed
            return (scenario: seeded, profile: profile, file: file)
        }
        var seedless = options
        seedless.seed = nil
        let records: [SummaryRecord]
        do {
            records = try ScenarioRunner.records(runs, options: seedless, pricing: pricing.pricing)
        } catch {
            return Console.failure(error)
        }
        let summary = ReplicationSummary(records)
        let seeds = runs.map(\.scenario.seed)
        Console.out("  \(count) replications, seeds \(seeds[0])...\(seeds[seeds.count - 1]):\n\(summary.text)")
        let replications = ([RunOutputs.summaryColumns] + records.map(\.cells)).map(CSVFormat.line).joined(separator: "\n") + "\n"
        let confidence = CSVFormat.line(["scenario"] + ReplicationSummary.columns) + "\n" + CSVFormat.line([scenario.name] + summary.cells) + "\n"
        return OutputFolder.write([("replications.csv", replications), ("confidence.csv", confidence)], into: folder)
    }
}
