import EventEngine

/// Everything one simulation run needs: the workload, the ESM, the function, the
/// service's behaviour profile, and the run's seed, horizon and sampling interval.
public struct ModelConfiguration: Sendable {
    /// The scenario's name, for outputs.
    public var name: String
    /// The topic.
    public var topic: TopicSpec
    /// The producers.
    public var production: ProductionSchedule
    /// The function.
    public var function: FunctionSpec
    /// The ESM.
    public var settings: ESMSettings
    /// The service's behaviour.
    public var profile: BehaviourProfile
    /// The run's seed; every random stream derives from it.
    public var seed: UInt64
    /// The run stops here if it has not finished.
    public var horizon: SimTime
    /// Time between rows of the time series.
    public var sampleInterval: SimTime
    /// ESMs sharing this ESM's poller group, itself included, each running this same
    /// workload: the EPU count packs all their pollers together. 1 for an ESM on its own.
    public var mappingsInPollerGroup: Int
    /// Partitions of the other ESMs co-simulated on the same function (`CoSimulation`), whose
    /// invocations share its concurrency; 0 for an ESM simulated on its own.
    public var partitionsOfOtherMappings = 0
    /// Whether steady stretches may be advanced in one step (`ESMSimulation+Compression`);
    /// the outputs are the same either way, so this only trades speed for a cross-check.
    public var compression = true
    /// When the run may stop early as a settled miss (`RunCutoff`); none by default.
    public var cutoff = RunCutoff()
    /// Most engine events the run may handle (skipped cycles not counted); nil for no
    /// limit. A run admitted on the strength of its compressed estimate gets one, so a run
    /// that finds fewer steady cycles than estimated stops instead of outgrowing its
    /// admission; `RunSummary.eventBudgetSpentAt` then says so.
    public var eventBudget: Int? = nil

    /// The default horizon: 24 hours of simulated time.
    public static let defaultHorizon: SimTime = 24 * 3_600 * Ticks.perSecond
    /// The default sampling interval: 60 s, CloudWatch's period.
    public static let defaultSampleInterval: SimTime = 60 * Ticks.perSecond

    /// Creates a configuration.
    public init(
        name: String, topic: TopicSpec, production: ProductionSchedule, function: FunctionSpec,
        settings: ESMSettings, profile: BehaviourProfile, seed: UInt64 = 1,
        horizon: SimTime = ModelConfiguration.defaultHorizon,
        sampleInterval: SimTime = ModelConfiguration.defaultSampleInterval, mappingsInPollerGroup: Int = 1
    ) {
        self.name = name
        self.topic = topic
        self.production = production
        self.function = function
        self.settings = settings
        self.profile = profile
        self.seed = seed
        self.horizon = horizon
        self.sampleInterval = sampleInterval
        self.mappingsInPollerGroup = mappingsInPollerGroup
    }
}
