import ESMModel
import EventEngine

extension Scenario {
    /// Whether the scenario lists several ESMs (`eventSourceMappings`), even a list of one.
    public var hasMappingList: Bool { !mappings.isEmpty }

    /// The seed of the list's ESM at `index`: the run's seed for the first (so a list of
    /// one runs exactly as the one-ESM form), a seed derived from it for the others, so
    /// their producers and functions draw unrelated numbers.
    public static func mappingSeed(_ seed: UInt64, index: Int) -> UInt64 {
        guard index > 0 else { return seed }
        var mixer = SplitMix64(state: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return mixer.next()
    }

    /// The co-simulation of the listed ESMs with `profile`, the run seed `seed` (default:
    /// the scenario's) and `sampleInterval`.
    public func coSimulation(
        profile: BehaviourProfile, seed: UInt64? = nil,
        sampleInterval: SimTime = ModelConfiguration.defaultSampleInterval
    ) -> CoSimulationConfiguration {
        let base = configuration(profile: profile, seed: seed, sampleInterval: sampleInterval)
        let configurations = mappings.enumerated().map { index, mapping in
            var configuration = base
            configuration.name = mapping.name
            configuration.topic = mapping.topic
            configuration.production = mapping.production
            configuration.settings = mapping.settings
            configuration.seed = Self.mappingSeed(base.seed, index: index)
            return configuration
        }
        return CoSimulationConfiguration(name: name, mappings: configurations, pollerGroups: mappings.map(\.pollerGroupName))
    }
}
