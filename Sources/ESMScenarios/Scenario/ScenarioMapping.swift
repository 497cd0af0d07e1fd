import ESMModel

/// One ESM of a scenario's `eventSourceMappings` list: its name, its topic and producers,
/// and its settings. Every ESM of the list invokes the scenario's one function.
public struct ScenarioMapping: Sendable {
    /// The ESM's name (`name`), unique in the scenario: it names the ESM's output rows and files.
    public var name: String
    /// Its topic.
    public var topic: TopicSpec
    /// Its producers.
    public var production: ProductionSchedule
    /// Its settings, AWS's names.
    public var settings: ESMSettings
    /// Its `ProvisionedPollerConfig.PollerGroupName`, if it shares EPUs with other ESMs.
    public var pollerGroupName: String?

    /// Creates an ESM of a list.
    public init(name: String, topic: TopicSpec, production: ProductionSchedule, settings: ESMSettings, pollerGroupName: String?) {
        self.name = name
        self.topic = topic
        self.production = production
        self.settings = settings
        self.pollerGroupName = pollerGroupName
    }
}
