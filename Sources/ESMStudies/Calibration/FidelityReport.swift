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

    /// The residuals of the observations that apply to `profile` (those naming it, the
    /// profile it is an alternative to, or none), each against `profile`.
    public static func residuals(for observations: [Observation], profile: BehaviourProfile) throws -> [Calibrator.Residual] {
        try Calibrator(observations: observations, profile: profile).residuals(for: profile)
    }

    /// A Markdown table of residuals. With `sample`, a column says of each row whether
    /// the profile was calibrated to it (`in-sample`: `esmsim calibrate` fits every
    /// observation that applies to a profile, so such a row confirms the fit, not a prediction).
    public static func table(_ residuals: [Calibrator.Residual], sample: ((Observation) -> Bool)? = nil) -> String {
        let sampleHeader = sample == nil ? "" : " sample |"
        var lines = [
            "| scenario | profile | metric | published | simulated | tolerance | within |" + sampleHeader,
            "|---|---|---|---:|---:|---:|:---:|" + (sample == nil ? "" : "---|"),
        ]
        func label(_ observation: Observation) -> String {
            guard let sample else { return "" }
            return sample(observation) ? " in-sample |" : " out-of-sample |"
        }
        for residual in residuals {
            let observation = residual.observation
            if let comparison = residual.comparison {
                lines.append("| \(observation.scenarioName) | \(observation.profile ?? "-") | \(observation.metric) series | "
                    + "\(comparison.pairs.count) points, peak \(CSVFormat.decimal(observation.observed, places: 0)) | "
                    + "peak \(CSVFormat.decimal(residual.simulated, places: 0)), mean abs. error \(CSVFormat.decimal(comparison.meanAbsoluteError, places: 0)) | "
                    + "±\(CSVFormat.decimal(observation.tolerance, places: 0)) RMS | \(residual.withinTolerance ? "yes" : "NO") |" + label(observation))
                continue
            }
            lines.append("| \(observation.scenarioName) | \(observation.profile ?? "-") | \(observation.metric) | "
                + "\(format(observation.observed, observation.metric)) | \(format(residual.simulated, observation.metric)) | "
                + "±\(format(observation.tolerance, observation.metric)) | \(residual.withinTolerance ? "yes" : "NO") |" + label(observation))
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
