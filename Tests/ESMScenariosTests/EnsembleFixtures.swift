import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMStudies
import ESMModel

/// Profile sets built in tests: shipped profiles plus a copy of aws-2024 with one
/// constant changed, written as files so they load as a user's would.
enum EnsembleFixtures {
    /// aws-2024 renamed `name` with `constant` set to `value`, as profile file text.
    static func variant(_ name: String, _ constant: String, _ value: Double) throws -> String {
        var profile = try ProfileStore.load("aws-2024")
        profile.name = name
        profile[keyPath: ProfileConstant.named(constant)!.keyPath] = value
        return ProfileStore.render(profile)
    }

    /// A three-member set file in `folder`: aws-2024, aws-2021 and aws-2024 with a shorter
    /// rebalance pause and a longer actuation delay (`slow.json`). Returns the set's path.
    static func threeMembers(in folder: String) throws -> String {
        var profile = try ProfileStore.load("aws-2024")
        profile.name = "aws-2024-slow"
        profile[keyPath: ProfileConstant.named("rebalancePauseSeconds")!.keyPath] = 20
        profile[keyPath: ProfileConstant.named("provisioned.actuationDelaySeconds")!.keyPath] = 240
        try BuiltCommand.write(ProfileStore.render(profile), folder, "slow.json")
        try BuiltCommand.write(#"{"name": "three", "description": "test set", "members": ["aws-2024", "aws-2021", "slow.json"]}"#, folder, "three.json")
        return folder + "/three.json"
    }

    /// A small scenario that runs in milliseconds: a backlog over four partitions plus traffic.
    static let scenario = """
    {"name": "ensemble-small", "topic": {"partitions": 4, "backlogRecords": 6000},
     "producer": {"recordsPerSecond": 40, "durationSeconds": 120},
     "function": {"durationMs": 60, "memoryMB": 256},
     "eventSourceMapping": {"BatchSize": 50, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 4}}}
    """
}
