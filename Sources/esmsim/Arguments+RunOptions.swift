import ESMScenarios
import EventEngine

extension Arguments {
    /// The options every simulating command shares: `--profile`, `--seed`, `--interval` and `--horizon`.
    mutating func runOptions() throws(UsageError) -> ScenarioRunner.Options {
        let seed = try integer("seed", in: 0...Int64.max).map { UInt64($0) }
        let profile = value("profile")
        let interval = try positiveNumber("interval") ?? 60
        let horizon = try positiveNumber("horizon")
        if let horizon, horizon > ScenarioLoader.maximumHorizonSeconds {
            throw UsageError("--horizon must be at most \(Int(ScenarioLoader.maximumHorizonSeconds)) s (a year), not \(horizon)")
        }
        return ScenarioRunner.Options(
            profile: profile, seed: seed, sampleInterval: max(1, Ticks.seconds(interval)), horizon: horizon.map(Ticks.seconds))
    }
}
