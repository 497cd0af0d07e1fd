import ESMModel
import EventEngine

/// A scenario file, loaded and validated: a workload and ESM settings as a user writes
/// them, with no behavioural constants (those come from the profile).
public struct Scenario: Sendable {
    /// The scenario's name: its `name` field, or the file name without `.json`.
    public var name: String
    /// Where its numbers come from.
    public var description: String
    /// The behaviour profile it asks for, if any (the command line may override it).
    public var profileName: String?
    /// The seed it asks for.
    public var seed: UInt64
    /// How long the run may last in simulated time.
    public var horizon: SimTime
    /// The topic.
    public var topic: TopicSpec
    /// The producers.
    public var production: ProductionSchedule
    /// The function.
    public var function: FunctionSpec
    /// The ESM settings.
    public var settings: ESMSettings
    /// `PollerGroupName`, if the ESM shares EPUs with others.
    public var pollerGroupName: String?
    /// ESMs in the poller group, this one included, each running this same workload
    /// (top-level `esmsInPollerGroup`; 1 without a group).
    public var mappingsInPollerGroup: Int = 1
    /// The wall-clock instant simulated time 0 stands for (top-level `startTime`), as
    /// Unix milliseconds; nil when the scenario runs in simulated seconds only.
    public var startTime: Int64? = nil
    /// The ESMs of a scenario with an `eventSourceMappings` list, which all invoke
    /// `function`; empty for a scenario of one ESM. With a list, `topic`, `production`,
    /// `settings` and `pollerGroupName` are its first ESM's.
    public var mappings: [ScenarioMapping] = []

    /// The default profile when neither the scenario nor the command line names one.
    public static let defaultProfileName = "aws-2024"

    /// The model configuration for a run of this scenario.
    public func configuration(
        profile: BehaviourProfile, seed: UInt64? = nil,
        sampleInterval: SimTime = ModelConfiguration.defaultSampleInterval
    ) -> ModelConfiguration {
        ModelConfiguration(
            name: name, topic: topic, production: production, function: function, settings: settings,
            profile: profile, seed: seed ?? self.seed, horizon: horizon, sampleInterval: sampleInterval,
            mappingsInPollerGroup: mappingsInPollerGroup)
    }
}
