/// A behavioural mechanism a profile chooses by name rather than by number: how pollers
/// grow, which partitions a rebalance pauses. Profile files list a setting next to the
/// constants, with a string value and its provenance and evidence.
///
/// Every setting is optional in a file and defaults to aws-2024's mechanism, so profiles
/// written before settings existed load, render and hash unchanged.
public struct ProfileSetting: @unchecked Sendable {  // key paths are immutable values
    /// The setting's name in profile files (`provisioned.pollerGrowth`).
    public let name: String
    /// What it controls.
    public let meaning: String
    /// The values a profile may give, the default first.
    public let choices: [String]
    /// Reads the setting's value from a profile.
    public let read: @Sendable (BehaviourProfile) -> String
    /// Writes one of `choices` into a profile.
    public let write: @Sendable (inout BehaviourProfile, String) -> Void

    /// The value a file that leaves the setting out gets (aws-2024's mechanism).
    public var defaultChoice: String { choices[0] }

    /// Every setting, in the order profile files and `esmsim profiles` list them.
    public static let catalog: [ProfileSetting] = [
        growth("onDemand", \.onDemand),
        growth("provisioned", \.provisioned),
        choice("rebalanceScope", "which partitions pause when the poller count changes", \.rebalanceScope),
    ]

    /// The setting called `name`, if any.
    public static func named(_ name: String) -> ProfileSetting? {
        catalog.first { $0.name == name }
    }

    private static func growth(_ prefix: String, _ mode: WritableKeyPath<BehaviourProfile, ScalingBehaviour>) -> ProfileSetting {
        choice("\(prefix).pollerGrowth", "how a scale-out grows the poller count", mode.appending(path: \.pollerGrowth))
    }

    private static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ meaning: String, _ path: WritableKeyPath<BehaviourProfile, Value>
    ) -> ProfileSetting where Value.RawValue == String {
        nonisolated(unsafe) let path = path
        return ProfileSetting(
            name: name, meaning: meaning, choices: Value.allCases.map(\.rawValue),
            read: { $0[keyPath: path].rawValue },
            write: { profile, text in
                if let value = Value(rawValue: text) { profile[keyPath: path] = value }
            })
    }
}
