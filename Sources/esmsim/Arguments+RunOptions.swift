import ESMScenarios
import EventEngine

extension Arguments {
    /// The options every simulating command shares (`SharedOptions.run`).
    func runOptions() throws(UsageError) -> ScenarioRunner.Options {
        let seed = try integer("seed").map { UInt64($0) }
        let profile = value("profile")
        let interval = try number("interval") ?? 60
        let horizon = try number("horizonSeconds")
        if let horizon, horizon > ScenarioLoader.maximumHorizonSeconds {
            throw UsageError("--horizonSeconds must be at most \(Int(ScenarioLoader.maximumHorizonSeconds)) s (a year), not \(horizon)")
        }
        var options = ScenarioRunner.Options(
            profile: profile, seed: seed, sampleInterval: max(1, Ticks.seconds(interval)), horizon: horizon.map(Ticks.seconds))
        options.compression = !flag("no-compression")
        options.limits = try runLimits()
        return options
    }

    /// The run limits: the standard ones, with `--max-events` (`SharedOptions.maxEvents`) if given.
    func runLimits() throws(UsageError) -> RunLimits {
        var limits = RunLimits.standard
        if let events = try integer("max-events") { limits.maximumEvents = Double(events) }
        return limits
    }
}
