import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

extension ScenarioRunner {
    /// Runs `scenario` and prices it: the row its `summary.csv` would hold. Throws when
    /// the run spent its event budget (`checkFinished`), naming `file`.
    public static func record(
        _ scenario: Scenario, profile: BehaviourProfile, options: Options, pricing: Pricing, file: String
    ) throws(DiagnosticError) -> SummaryRecord {
        let result = run(scenario, profile: profile, options: options)
        try checkFinished(result, file: file, limits: options.limits)
        return SummaryRecord(result.summary, cost: cost(of: result, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier))
    }

    /// Runs scenarios with their profiles on all cores; rows come back in input order.
    /// Throws the first failed run's problem, in input order (`record`), naming its `file`.
    public static func records(
        _ runs: [(scenario: Scenario, profile: BehaviourProfile, file: String)], options: Options, pricing: Pricing,
        progress: ProgressMeter? = nil
    ) throws(DiagnosticError) -> [SummaryRecord] {
        let rows = ResultSlots<Result<SummaryRecord, DiagnosticError>>.collect(count: runs.count) { index in
            let row = Result { () throws(DiagnosticError) in
                try record(runs[index].scenario, profile: runs[index].profile, options: options, pricing: pricing, file: runs[index].file)
            }
            progress?.advance()
            return row
        }
        return try rows.map { row throws(DiagnosticError) in try row.get() }
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
