import ESMFormats
import ESMScenarios
import ESMModel

/// AWS's documented sizing arithmetic next to the model: what `esmsim fidelity` prints
/// under the published measurements, and what the sizing tests assert.
public enum SizingReport {
    /// One example next to the model's figure.
    public struct Row: Sendable {
        /// The example.
        public var example: SizingExample
        /// The model's figure.
        public var simulated: Double
        /// The model's figure over AWS's.
        public var ratio: Double { simulated / example.awsFigure }
        /// Whether the model keeps the example's rule.
        public var holds: Bool { example.holds(simulated) }
    }

    /// Runs every example's scenario once (in parallel) with its own profile, or with
    /// `profile` when one is given.
    public static func rows(for examples: [SizingExample], profile override: BehaviourProfile? = nil) throws -> [Row] {
        var paths: [String] = []
        for example in examples where !paths.contains(example.scenarioPath) { paths.append(example.scenarioPath) }
        var scenarios: [Scenario] = []
        var profiles: [BehaviourProfile] = []
        for path in paths {
            let scenario = try ScenarioLoader.load(path: path)
            scenarios.append(scenario)
            profiles.append(try override ?? ProfileStore.load(scenario.profileName ?? Scenario.defaultProfileName))
        }
        let results = ResultSlots<RunResult>.collect(count: scenarios.count) { [scenarios, profiles] index in
            ESMSimulation.run(scenarios[index].configuration(profile: profiles[index]))
        }
        return examples.map { example in
            let index = paths.firstIndex(of: example.scenarioPath)!
            return Row(example: example, simulated: example.metric.value(in: results[index], scenario: scenarios[index]))
        }
    }

    /// A Markdown table of the rows.
    public static func table(_ rows: [Row]) -> String {
        var lines = [
            "| AWS example | metric | AWS's arithmetic | simulated | simulated / AWS | rule | holds |",
            "|---|---|---:|---:|---:|---|:---:|",
        ]
        for row in rows {
            let example = row.example
            let rule = example.rule == .atMost ? "at most AWS" : "AWS ±\(CSVFormat.decimal(example.tolerance, places: 2))"
            lines.append("| \(example.scenarioName) | \(example.metric.rawValue) | \(CSVFormat.decimal(example.awsFigure, places: 2)) | "
                + "\(CSVFormat.decimal(row.simulated, places: 2)) | \(CSVFormat.decimal(row.ratio, places: 3)) | \(rule) | \(row.holds ? "yes" : "NO") |")
        }
        return lines.joined(separator: "\n")
    }
}
