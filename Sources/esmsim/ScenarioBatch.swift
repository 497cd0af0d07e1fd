import ESMModel
import ESMScenarios
import Foundation

/// Scenario files loaded, validated (sizes included) and paired with their profiles
/// before anything runs, so a bad file costs no simulation time.
enum ScenarioBatch {
    /// One scenario ready to run.
    struct Item {
        /// The file it came from.
        let path: String
        /// The validated scenario.
        let scenario: Scenario
        /// The behaviour profile it runs with.
        let profile: BehaviourProfile

        /// The file name without its extension: the name of the scenario's output folder.
        var fileStem: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    }

    /// Refuses two files with one name (`a/s.json` and `b/s.json`), whose outputs would
    /// share the folder `out/s`, the second replacing the first.
    static func checkDistinctFolders(_ paths: [String], out: String) throws(UsageError) {
        var seen: [String: String] = [:]
        for path in paths {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            if let first = seen[stem] {
                throw UsageError("\(first) and \(path) would both write \(out)/\(stem)/; rename one, or run them with different --out folders")
            }
            seen[stem] = path
        }
    }

    /// Loads every file in `paths`; reports each problem on stderr and returns nil if any file failed.
    static func load(_ paths: [String], options: ScenarioRunner.Options) -> [Item]? {
        var loaded: [Item] = []
        var invalid = false
        for path in paths {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                let profile: BehaviourProfile
                do {
                    profile = try ScenarioRunner.profile(for: scenario, options: options)
                } catch {
                    Console.error("\(path): \(error.description)")
                    invalid = true
                    continue
                }
                try ScenarioRunner.checkSize(of: scenario, profile: profile, options: options, file: path)
                for warning in scenario.warnings { Console.error("\(path): warning: \(warning)") }
                loaded.append(Item(path: path, scenario: scenario, profile: profile))
            } catch {
                Console.error(error.description)
                invalid = true
            }
        }
        return invalid ? nil : loaded
    }
}

extension ScenarioBatch {
    /// Refuses, before anything runs, a scenario too large to simulate under some member
    /// of `set`; reports each problem on stderr and returns false if there was one.
    static func check(_ items: [Item], under set: ProfileSet, options: ScenarioRunner.Options) -> Bool {
        var fits = true
        for item in items {
            for member in set.members {
                do {
                    try ScenarioRunner.checkSize(of: item.scenario, profile: member.profile, options: options, file: item.path)
                } catch {
                    Console.error("\(error.description) (under member \(member.name))")
                    fits = false
                }
            }
        }
        return fits
    }
}
