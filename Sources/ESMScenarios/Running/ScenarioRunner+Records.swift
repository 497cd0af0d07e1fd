import ESMBilling
import ESMModel
import EventEngine

extension ScenarioRunner {
    /// Runs `scenario` and prices it: the row its `summary.csv` would hold.
    public static func record(_ scenario: Scenario, profile: BehaviourProfile, options: Options, pricing: Pricing) -> SummaryRecord {
        let result = run(scenario, profile: profile, options: options)
        return SummaryRecord(result.summary, cost: cost(of: result, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier))
    }

    /// Runs scenarios with their profiles on all cores; rows come back in input order.
    public static func records(
        _ runs: [(scenario: Scenario, profile: BehaviourProfile)], options: Options, pricing: Pricing,
        progress: ProgressMeter? = nil
    ) -> [SummaryRecord] {
        ResultSlots<SummaryRecord>.collect(count: runs.count) { index in
            let row = record(runs[index].scenario, profile: runs[index].profile, options: options, pricing: pricing)
            progress?.advance()
            return row
        }
    }

    /// Seeds of `count` replications: the scenario's (or the options') seed, then the next
    /// ones. Neighbouring seeds give unrelated random streams (SplitMix64 expands each).
    public static func replicationSeeds(_ scenario: Scenario, options: Options, count: Int) -> [UInt64] {
        (0..<count).map { replicationSeed(scenario, options: options, replication: $0) }
    }

    /// The seed of 0-based replication `replication`.
    public static func replicationSeed(_ scenario: Scenario, options: Options, replication: Int) -> UInt64 {
        (options.seed ?? scenario.seed) &+ UInt64(replication)
    }
}
