import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

extension ScenarioRunner {
    /// The co-simulation a scenario listing several ESMs runs with under `options`.
    public static func coSimulation(for scenario: Scenario, profile: BehaviourProfile, options: Options) -> CoSimulationConfiguration {
        var configuration = scenario.coSimulation(profile: profile, seed: options.seed, sampleInterval: options.sampleInterval)
        if let horizon = options.horizon {
            for index in configuration.mappings.indices { configuration.mappings[index].horizon = horizon }
        }
        return configuration
    }

    /// Runs a scenario listing several ESMs: every ESM's result, the function-wide total,
    /// and the poller groups' EPU time.
    public static func runMappings(_ scenario: Scenario, profile: BehaviourProfile, options: Options) -> CoSimulationResult {
        var result = CoSimulation.run(coSimulation(for: scenario, profile: profile, options: options))
        let clock = scenario.startTime.map(RunClock.init(startEpochMilliseconds:))
        let hash = ProfileStore.hash(profile)
        for index in result.mappings.indices {
            result.mappings[index].clock = clock
            result.mappings[index].summary.profileHash = hash
        }
        result.total.clock = clock
        result.total.summary.profileHash = hash
        return result
    }

    /// What each ESM of a co-simulation costs on its own (a grouped ESM's EPUs are its
    /// group's, so none here), and what each poller group's EPUs cost. The total's cost is
    /// `cost(of: result.total, ...)`: with the free tier it is less than the ESMs' sum, since
    /// the free tier applies once to the function's usage.
    public static func costs(of result: CoSimulationResult, scenario: Scenario, prices: RegionPrices, freeTier: Bool) -> (mappings: [CostBreakdown], groups: [CostBreakdown]) {
        let seconds = Ticks.toSeconds(result.total.summary.endTime)
        let mappings = result.mappings.map { mapping in
            MonthlyProjection.cost(BillableUsage(run: mapping.summary, function: scenario.function, mappings: 1), over: seconds, prices: prices, freeTier: freeTier)
        }
        let groups = result.groups.map { group in
            let usage = BillableUsage(epuSeconds: Double(group.epuSeconds), requests: 0, gbSeconds: 0, architecture: scenario.function.architecture)
            return MonthlyProjection.cost(usage, over: seconds, prices: prices, freeTier: freeTier)
        }
        return (mappings, groups)
    }

    /// Refuses a list of ESMs too large for `options.limits`: each ESM on its own, with the
    /// problems placed under its element, and all of them together. Returns the summed work.
    static func checkListSize(of scenario: Scenario, profile: BehaviourProfile, options: Options, file: String) throws(DiagnosticError) -> WorkEstimate {
        let configuration = coSimulation(for: scenario, profile: profile, options: options)
        var problems: [Diagnostic] = []
        for (index, mapping) in configuration.mappings.enumerated() {
            for var problem in options.limits.problems(for: mapping, file: file) {
                problem.path = FieldReader.join("\(ScenarioLoader.mappingListKey)[\(index)]", problem.path)
                problems.append(problem)
            }
        }
        let total = WorkEstimate(coSimulating: configuration.mappings)
        if problems.isEmpty, total.events > options.limits.maximumEvents {
            problems.append(Diagnostic(
                file: file, line: 0, column: 0, path: ScenarioLoader.mappingListKey,
                message: "too large to simulate: about \(RunLimits.approximate(total.events)) events over the \(configuration.mappings.count) ESMs (the limit is \(RunLimits.approximate(options.limits.maximumEvents))); list fewer ESMs or shorten horizonSeconds"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return total
    }
}
