import ESMScenarios
import EventEngine

extension Arguments {
    /// The options every simulating command shares: `--profile`, `--seed` and `--interval`.
    mutating func runOptions() throws(UsageError) -> ScenarioRunner.Options {
        let seed = try integer("seed", in: 0...Int64.max).map { UInt64($0) }
        let profile = value("profile")
        let interval = try positiveNumber("interval") ?? 60
        return ScenarioRunner.Options(profile: profile, seed: seed, sampleInterval: max(1, Ticks.seconds(interval)))
    }
}
