import ESMScenarios
import ESMFormats
import ESMModel
import Foundation

/// Profiles loaded once per name for the many scenarios of a sweep or plan, which nearly
/// always share one: loading reads and parses a file. Safe to use from many threads.
final class ProfileCache: @unchecked Sendable {
    private let options: ScenarioRunner.Options
    private var loaded: [String: BehaviourProfile] = [:]
    private let lock = NSLock()

    /// A cache for runs made with `options` (whose `profile` overrides the scenarios').
    init(options: ScenarioRunner.Options) { self.options = options }

    /// The profile `scenario` runs with, as `ScenarioRunner.profile(for:options:)` chooses it.
    func profile(for scenario: Scenario) throws(DiagnosticError) -> BehaviourProfile {
        let name = ScenarioRunner.profileName(for: scenario, options: options)
        if let profile = lock.withLock({ loaded[name] }) { return profile }
        let profile = try ProfileStore.load(name)
        lock.withLock { loaded[name] = profile }
        return profile
    }
}
