import EventEngine

/// Several ESMs on one function, simulated together (`CoSimulation`): each with its own
/// topic, producers and settings, all sharing the function's concurrency, and the
/// provisioned ones of a poller group sharing its EPUs.
public struct CoSimulationConfiguration: Sendable {
    /// One configuration per ESM, in the scenario's order. They must agree on the function,
    /// profile, horizon and sampling interval (the first one's are used); each has its own
    /// name, topic, producers, settings and seed.
    public var mappings: [ModelConfiguration]
    /// The name of the whole run, for the total outputs.
    public var name: String
    /// Each ESM's poller group, as an index into `groupNames`; nil for an ESM that runs on
    /// EPUs of its own (or on-demand).
    public var groupOfMapping: [Int?]
    /// The poller groups' `PollerGroupName`s, in order of first appearance.
    public var groupNames: [String]

    /// Creates a configuration; `pollerGroups[i]` is ESM i's `PollerGroupName`, if any.
    public init(name: String, mappings: [ModelConfiguration], pollerGroups: [String?]) {
        precondition(!mappings.isEmpty, "a co-simulation needs at least one ESM")
        precondition(pollerGroups.count == mappings.count, "one poller group entry per ESM")
        self.name = name
        self.mappings = mappings
        var names: [String] = []
        groupOfMapping = pollerGroups.map { group in
            guard let group else { return nil }
            if let index = names.firstIndex(of: group) { return index }
            names.append(group)
            return names.count - 1
        }
        groupNames = names
    }

    /// The indices of each poller group's ESMs, in ESM order.
    public var groupMembers: [[Int]] {
        var members = Array(repeating: [Int](), count: groupNames.count)
        for (mapping, group) in groupOfMapping.enumerated() {
            if let group { members[group].append(mapping) }
        }
        return members
    }
}
