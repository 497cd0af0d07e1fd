import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

/// Runs scenarios against profiles: the one place that turns a scenario file, a profile
/// choice and run options into a `RunResult`.
public enum ScenarioRunner {
    /// Options that apply to every scenario of a command.
    public struct Options: Sendable {
        /// Profile name or file overriding the scenario's.
        public var profile: String?
        /// Seed overriding the scenario's.
        public var seed: UInt64?
        /// Sampling interval of the time series.
        public var sampleInterval: SimTime = ModelConfiguration.defaultSampleInterval
        /// Horizon overriding the scenario's.
        public var horizon: SimTime?
        /// The largest run accepted.
        public var limits = RunLimits.standard
        /// Whether steady stretches may be advanced in one step (`ModelConfiguration.compression`).
        public var compression = true
        /// When a run may stop early as a settled miss (`ModelConfiguration.cutoff`).
        public var cutoff = RunCutoff()

        /// Creates options.
        public init(
            profile: String? = nil, seed: UInt64? = nil, sampleInterval: SimTime = ModelConfiguration.defaultSampleInterval,
            horizon: SimTime? = nil, limits: RunLimits = .standard
        ) {
            self.profile = profile
            self.seed = seed
            self.sampleInterval = sampleInterval
            self.horizon = horizon
            self.limits = limits
        }
    }

    /// The profile a scenario runs with: the options' choice, else the scenario's, else the default.
    public static func profile(for scenario: Scenario, options: Options) throws(DiagnosticError) -> BehaviourProfile {
        try ProfileStore.load(profileName(for: scenario, options: options))
    }

    /// The name or file of the profile a scenario runs with.
    public static func profileName(for scenario: Scenario, options: Options) -> String {
        options.profile ?? scenario.profileName ?? Scenario.defaultProfileName
    }

    /// What a run of `scenario` costs: its poller group's EPU time and every grouped ESM's
    /// function requests and duration; `monthlyTotal` scales the simulated span (time 0 to
    /// the run's end) to a 730-hour month.
    public static func cost(of result: RunResult, scenario: Scenario, prices: RegionPrices, freeTier: Bool) -> CostBreakdown {
        let usage = BillableUsage(run: result.summary, function: scenario.function, mappings: scenario.mappingsInPollerGroup)
        return MonthlyProjection.cost(usage, over: Ticks.toSeconds(result.summary.endTime), prices: prices, freeTier: freeTier)
    }

    /// The model configuration a scenario runs with under `options`.
    public static func configuration(for scenario: Scenario, profile: BehaviourProfile, options: Options) -> ModelConfiguration {
        var configuration = scenario.configuration(profile: profile, seed: options.seed, sampleInterval: options.sampleInterval)
        if let horizon = options.horizon { configuration.horizon = horizon }
        configuration.compression = options.compression
        configuration.cutoff = options.cutoff
        configuration.eventBudget = options.limits.eventBudget(for: configuration)
        return configuration
    }

    /// Refuses the figures of a run that spent its event budget before it ended
    /// (`RunSummary.eventBudgetSpentAt`): they are partial, so no caller may write or
    /// compare them. `file` names the scenario in the message; `limits` gave the budget.
    public static func checkFinished(_ result: RunResult, file: String, limits: RunLimits = .standard) throws(DiagnosticError) {
        guard let stoppedAt = result.summary.eventBudgetSpentAt else { return }
        throw DiagnosticError(problems: [Diagnostic(file: file, problem: .runStopped(limits.budgetSpent(at: stoppedAt)))])
    }

    /// Refuses, before any simulation time is spent, a run too large for `options.limits`;
    /// `file` names the scenario in the messages. Returns the run's estimated work.
    @discardableResult
    public static func checkSize(of scenario: Scenario, profile: BehaviourProfile, options: Options, file: String) throws(DiagnosticError) -> WorkEstimate {
        if scenario.hasMappingList { return try checkListSize(of: scenario, profile: profile, options: options, file: file) }
        let configuration = configuration(for: scenario, profile: profile, options: options)
        let problems = options.limits.problems(for: configuration, file: file)
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return WorkEstimate(configuration)
    }

    /// The estimated work of a run of `scenario` (of all its ESMs, for a list).
    public static func estimate(of scenario: Scenario, profile: BehaviourProfile, options: Options) -> WorkEstimate {
        if scenario.hasMappingList {
            return WorkEstimate(coSimulating: coSimulation(for: scenario, profile: profile, options: options).mappings)
        }
        return WorkEstimate(configuration(for: scenario, profile: profile, options: options))
    }

    /// Runs one scenario with a loaded profile; a scenario listing several ESMs gives their
    /// function-wide total (`runMappings` gives each ESM's too). `progress`, counting
    /// simulated seconds of the horizon, hears how far a long run of one ESM has got.
    public static func run(_ scenario: Scenario, profile: BehaviourProfile, options: Options, progress: ProgressMeter? = nil) -> RunResult {
        if scenario.hasMappingList { return runMappings(scenario, profile: profile, options: options).total }
        var reported = 0
        let tell = progress.map { meter in
            { (time: SimTime) in
                let seconds = Int(Ticks.toSeconds(time))
                meter.advance(by: seconds - reported)
                reported = seconds
            }
        }
        var result = ESMSimulation.run(configuration(for: scenario, profile: profile, options: options), progress: tell)
        result.clock = scenario.startTime.map(RunClock.init(startEpochMilliseconds:))
        result.summary.profileHash = ProfileStore.hash(profile)
        return result
    }
}
