import ESMScenarios
import ESMFormats
import Dispatch
import ESMModel
import EventEngine

/// Fits a profile's `fitted` constants to observations by a deterministic pattern search.
///
/// The search walks the constants in catalogue order. For each it tries grid values
/// one step either side of the current value, doubling the distance while the objective
/// does not get worse (so it crosses plateaus), and keeps the best strictly better one; rounds repeat until a round changes nothing. The
/// objective is the sum of squared residuals measured in tolerances. Ties keep the
/// current value, so a profile that is already a fit comes back unchanged.
///
/// An observed series counts as one observation: its squared residual is the mean over
/// its points of the squared error in tolerances (the RMS error squared). After the fit,
/// each fitted constant is moved 20 % either way; one that moves the objective by less
/// than `undeterminedChange` is reported as not determined by the data.
public struct Calibrator {
    /// One observation next to the model's value.
    public struct Residual: Sendable {
        /// The observation.
        public var observation: Observation
        /// The simulated value (for a series, the simulated peak over the observed periods).
        public var simulated: Double
        /// For a series, the point-by-point comparison.
        public var comparison: SeriesComparison? = nil
        /// The distance in tolerances (for a series, the RMS error in tolerances).
        public var normalized: Double {
            if let comparison { return comparison.normalizedRMS(tolerance: observation.tolerance) }
            return observation.normalizedResidual(simulated)
        }
        /// Whether the simulated value lies within the tolerance (for a series, its RMS error).
        public var withinTolerance: Bool {
            if comparison != nil { return normalized <= 1 + 1e-9 }
            return abs(simulated - observation.observed) <= observation.tolerance + 1e-9
        }
    }

    /// A fitted constant the data could not pin down.
    public struct Undetermined: Sendable {
        /// The constant's name.
        public var name: String
        /// The largest change of the objective when it moves 20 % either way.
        public var objectiveChange: Double
    }

    /// What a fit produced.
    public struct Fit: Sendable {
        /// The profile with fitted values.
        public var profile: BehaviourProfile
        /// The observations against the fitted profile.
        public var residuals: [Residual]
        /// How many profile candidates were simulated.
        public var evaluations: Int
        /// The objective of the fitted profile.
        public var objective: Double = 0
        /// Fitted constants a 20 % move of which changes the objective by less than
        /// `undeterminedChange`, in catalogue order.
        public var undetermined: [Undetermined] = []
    }

    /// The relative move that tests whether the data determine a constant.
    public static let determinationMove = 0.2
    /// The smallest change of the objective (in squared tolerances) that counts as
    /// determined: a hundredth, or 1 % of the objective when that is larger.
    public static let undeterminedChange = 0.01

    /// A calibration that cannot start.
    public struct CalibrationError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    let observations: [Observation]
    let scenarioPaths: [String]
    let scenarios: [Scenario]
    /// Each scenario's sampling interval: its series' finest period, at most a minute.
    let intervals: [SimTime]
    /// The most search rounds; each round that changes something is followed by another.
    public static let maximumRounds = 25

    /// Prepares a calibration against the observations that apply to `profileName`.
    public init(observations: [Observation], profileName: String) throws(DiagnosticError) {
        try self.init(observations: observations, profileNames: [profileName])
    }

    /// Prepares a calibration against the observations that apply to `profile`: those
    /// naming no profile, the profile itself, or the profile it is an alternative to.
    public init(observations: [Observation], profile: BehaviourProfile) throws(DiagnosticError) {
        try self.init(observations: observations, profileNames: profile.observationNames)
    }

    /// A scenario that cannot be loaded, or a series with no point inside its scenario's
    /// simulated span, is a problem at its place.
    private init(observations: [Observation], profileNames: [String]) throws(DiagnosticError) {
        let relevant = observations.filter { $0.profile.map(profileNames.contains) ?? true }
        guard !relevant.isEmpty else {
            throw DiagnosticError(Diagnostic(file: "--profile", message: "no observation applies to profile \(profileNames.joined(separator: " or ")): every row names another profile"))
        }
        self.observations = relevant
        var paths: [String] = []
        for observation in relevant where !paths.contains(observation.scenarioPath) { paths.append(observation.scenarioPath) }
        scenarioPaths = paths
        var loaded: [Scenario] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do { loaded.append(try ScenarioLoader.load(path: path)) } catch { problems += error.problems }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems: problems) }
        for observation in relevant {
            guard let series = observation.series, let index = paths.firstIndex(of: observation.scenarioPath) else { continue }
            let scenario = loaded[index]
            if let problem = series.placementProblem(startTime: scenario.startTime, horizon: scenario.horizon, scenario: observation.scenarioName) {
                problems.append(problem)
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems: problems) }
        scenarios = loaded
        intervals = paths.map { path in
            relevant.filter { $0.scenarioPath == path }.compactMap { $0.series?.period }.filter { $0 > 0 }
                .reduce(ModelConfiguration.defaultSampleInterval, min)
        }
    }

    /// The observations against `profile`, running each scenario once (in parallel).
    public func residuals(for profile: BehaviourProfile) -> [Residual] {
        let results = Self.runAll(scenarios, profile: profile, intervals: intervals)
        return observations.map { observation in
            let index = scenarioPaths.firstIndex(of: observation.scenarioPath)!
            if let series = observation.series {
                let comparison = SeriesComparison(series, result: results[index])
                return Residual(observation: observation, simulated: comparison.simulatedPeak, comparison: comparison)
            }
            return Residual(observation: observation, simulated: observation.metric.value(in: results[index]))
        }
    }

    /// Fits the constants `profile` marks as fitted; `progress` hears about each improvement.
    public func fit(_ profile: BehaviourProfile, progress: (String) -> Void = { _ in }) throws(CalibrationError) -> Fit {
        let fitted = ProfileConstant.catalog.filter { constant in
            profile.notes.contains { $0.name == constant.name && $0.provenance == "fitted" }
        }
        guard !fitted.isEmpty else {
            throw CalibrationError(description: "profile \(profile.name) marks no constant as fitted (provenance \"fitted\")")
        }
        var cache: [[Double]: Double] = [:]
        var evaluations = 0
        func objective(_ candidate: BehaviourProfile) -> Double {
            let key = fitted.map { candidate[keyPath: $0.keyPath] }
            if let known = cache[key] { return known }
            evaluations += 1
            let value = residuals(for: candidate).reduce(0) { $0 + $1.normalized * $1.normalized }
            cache[key] = value
            return value
        }

        var current = profile
        var best = objective(current)
        progress("start: objective \(CSVFormat.decimal(best, places: 4))")
        for round in 1...Self.maximumRounds {
            var changed = false
            for constant in fitted {
                let start = current[keyPath: constant.keyPath]
                var bestValue = start
                for direction in [1.0, -1.0] {
                    var steps = 1.0
                    while true {
                        let value = Self.snap(start + direction * steps * constant.search.step, to: constant.search)
                        guard constant.search.range.contains(value), value != start else { break }
                        var candidate = current
                        candidate[keyPath: constant.keyPath] = value
                        let score = objective(candidate)
                        // Walk on across plateaus (a threshold constant often changes
                        // nothing until it crosses one); stop once it gets worse.
                        guard score <= best + 1e-12 else { break }
                        if score < best - 1e-12 {
                            best = score
                            bestValue = value
                        }
                        steps *= 2
                    }
                }
                if bestValue != start {
                    current[keyPath: constant.keyPath] = bestValue
                    changed = true
                    progress("round \(round): \(constant.name) \(ProfileStore.formatValue(start)) -> \(ProfileStore.formatValue(bestValue)), objective \(CSVFormat.decimal(best, places: 4))")
                }
            }
            if !changed { break }
        }
        var undetermined: [Undetermined] = []
        let threshold = max(Self.undeterminedChange, best * Self.undeterminedChange)
        for constant in fitted {
            let value = current[keyPath: constant.keyPath]
            var change = 0.0
            for factor in [1 - Self.determinationMove, 1 + Self.determinationMove] {
                // A zero moves by one grid step instead: 20 % of nothing is nothing.
                let moved = value == 0 ? constant.search.step * (factor < 1 ? -1 : 1) : value * factor
                let clamped = min(max(moved, constant.search.range.lowerBound), constant.search.range.upperBound)
                guard clamped != value else { continue }
                var candidate = current
                candidate[keyPath: constant.keyPath] = constant.isWhole ? clamped.rounded() : clamped
                change = max(change, abs(objective(candidate) - best))
            }
            if change < threshold { undetermined.append(Undetermined(name: constant.name, objectiveChange: change)) }
        }
        return Fit(profile: current, residuals: residuals(for: current), evaluations: evaluations, objective: best, undetermined: undetermined)
    }

    /// The grid value nearest `value` (grid points are the range's lower bound plus multiples of the step).
    static func snap(_ value: Double, to grid: ProfileConstant.SearchGrid) -> Double {
        let steps = ((value - grid.range.lowerBound) / grid.step).rounded()
        let snapped = grid.range.lowerBound + steps * grid.step
        // Round away binary noise (0.1 + 0.2) so written profiles show clean decimals.
        return (snapped * 1e9).rounded() / 1e9
    }

    /// Runs scenarios with one profile, concurrently, returning results in input order.
    static func runAll(_ scenarios: [Scenario], profile: BehaviourProfile, intervals: [SimTime]) -> [RunResult] {
        ResultSlots<RunResult>.collect(count: scenarios.count) { index in
            ScenarioRunner.run(scenarios[index], profile: profile, options: .init(sampleInterval: intervals[index]))
        }
    }
}
