import ESMModel

extension Scenario {
    /// Settings that run, but not as written: each a sentence for the user.
    ///
    /// A `MinimumPollers` above the partition count is capped: a poller needs a partition
    /// (AWS caps pollers at the partition count), so the extra pollers never run and are
    /// never billed.
    public var warnings: [String] {
        guard hasMappingList else { return Self.warnings(settings: settings, topic: topic, path: "") }
        return mappings.enumerated().flatMap { index, mapping in
            Self.warnings(settings: mapping.settings, topic: mapping.topic, path: "\(ScenarioLoader.mappingListKey)[\(index)].")
        }
    }

    /// The warnings of one ESM, its fields' paths starting with `path`.
    static func warnings(settings: ESMSettings, topic: TopicSpec, path: String) -> [String] {
        var found: [String] = []
        if let bounds = settings.provisionedPollers, bounds.minimum > topic.partitions {
            found.append(
                "\(path)eventSourceMapping.ProvisionedPollerConfig.MinimumPollers (\(bounds.minimum)) is above \(path)topic.partitions "
                + "(\(topic.partitions)): a poller needs a partition, so the ESM runs and is billed for \(topic.partitions)")
        }
        return found
    }
}
