import ESMScenarios
import ESMFormats
import ESMModel

/// Published-versus-simulated tables: what `esmsim fidelity` prints, the README shows
/// and the fidelity tests assert.
public enum FidelityReport {
    /// The residuals of every observation, each against the profile it names (or, when
    /// it names none, the scenario's own profile), grouped by profile in file order.
    public static func residuals(for observations: [Observation]) throws -> [Calibrator.Residual] {
        var profiles: [String] = []
        for observation in observations {
            let name = try observation.profile ?? ScenarioLoader.load(path: observation.scenarioPath).profileName ?? Scenario.defaultProfileName
            if !profiles.contains(name) { profiles.append(name) }
        }
        var residuals: [Calibrator.Residual] = []
        for name in profiles {
            let profile = try ProfileStore.load(name)
            let calibrator = try Calibrator(observations: observations, profileName: name)
            residuals += calibrator.residuals(for: profile)
        }
        return residuals
    }

    /// A Markdown table of residuals.
    public static func table(_ residuals: [Calibrator.Residual]) -> String {
        var lines = [
            "| scenario | profile | metric | published | simulated | tolerance | within |",
            "|---|---|---|---:|---:|---:|:---:|",
        ]
        for residual in residuals {
            let observation = residual.observation
            if let comparison = residual.comparison {
                lines.append("| \(observation.scenarioName) | \(observation.profile ?? "-") | \(observation.metric) series | "
                    + "\(comparison.pairs.count) points, peak \(CSVFormat.decimal(observation.observed, places: 0)) | "
                    + "peak \(CSVFormat.decimal(residual.simulated, places: 0)), mean abs. error \(CSVFormat.decimal(comparison.meanAbsoluteError, places: 0)) | "
                    + "±\(CSVFormat.decimal(observation.tolerance, places: 0)) RMS | \(residual.withinTolerance ? "yes" : "NO") |")
                continue
            }
            lines.append("| \(observation.scenarioName) | \(observation.profile ?? "-") | \(observation.metric) | "
                + "\(format(observation.observed, observation.metric)) | \(format(residual.simulated, observation.metric)) | "
                + "±\(format(observation.tolerance, observation.metric)) | \(residual.withinTolerance ? "yes" : "NO") |")
        }
        return lines.joined(separator: "\n")
    }

    /// Seconds shown with their minutes, counts as plain numbers.
    static func format(_ value: Double, _ metric: ObservedMetric) -> String {
        switch metric {
        case .drainTime, .timeToMaxConcurrency, .scaleDownAfterDrain:
            return "\(CSVFormat.decimal(value, places: 1)) s (\(CSVFormat.decimal(value / 60, places: 1)) min)"
        default:
            return CSVFormat.decimal(value, places: 2)
        }
    }
}
