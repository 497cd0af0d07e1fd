import ESMScenarios
import ESMFormats
import Dispatch
import ESMModel
import EventEngine

/// Fits a profile's `fitted` constants to observations by a deterministic pattern search.
///
/// The search (`Calibrator+Search`) is coordinate descent on each constant's grid, in
/// catalogue order, doubling steps to cross plateaus; on request it restarts from the
/// result with each constant moved 20 % either way, taking any restart that ends better.
/// The objective is the sum of squared residuals measured in tolerances. Ties keep the
/// current value, so a profile that is already a fit comes back unchanged.
///
/// An observed series counts as one observation: its squared residual is the mean over
/// its points of the squared error in tolerances (the RMS error squared). After the fit,
/// each fitted constant is moved 20 % either way (on its grid, at least one step); one that moves the objective by less
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
    /// The most rounds of one descent; each round that changes something is followed by another.
    public static let maximumRounds = 25
    /// How far a restart moves one constant from the best fit so far (on its grid, at
    /// least one step).
    public static let restartMove = 0.2
    /// Objectives closer than this are equal (so ties keep the current value).
    static let objectiveResolution = 1e-12

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

    /// The constants `profile` marks as fitted (provenance "fitted"), in catalogue order,
    /// the order the search walks them.
    public static func fittedConstants(of profile: BehaviourProfile) -> [ProfileConstant] {
        ProfileConstant.catalog.filter { constant in
            profile.notes.contains { $0.name == constant.name && $0.provenance == "fitted" }
        }
    }

    /// Fits the constants `profile` marks as fitted; `progress` hears about each improvement.
    /// `restarts` is the most restarts that may improve the descent's result (0: descent
    /// only, a local fit; each pass of restarts costs about 2 × constants descents).
    public func fit(_ profile: BehaviourProfile, restarts: Int = 0, progress: (String) -> Void = { _ in }) throws(CalibrationError) -> Fit {
        let fitted = Self.fittedConstants(of: profile)
        guard !fitted.isEmpty else {
            throw CalibrationError(description: "profile \(profile.name) marks no constant as fitted (provenance \"fitted\")")
        }
        var objective = Objective(calibrator: self, fitted: fitted)
        progress("start: objective \(CSVFormat.decimal(objective(profile), places: 4))")
        let (current, best) = search(from: profile, restarts: restarts, objective: &objective, progress: progress)
        var undetermined: [Undetermined] = []
        let threshold = max(Self.undeterminedChange, best * Self.undeterminedChange)
        for constant in fitted {
            let value = current[keyPath: constant.keyPath]
            var change = 0.0
            for factor in [1 - Self.determinationMove, 1 + Self.determinationMove] {
                let moved = Self.moved(value, by: factor, on: constant.search)
                guard moved != value else { continue }
                var candidate = current
                candidate[keyPath: constant.keyPath] = moved
                change = max(change, abs(objective(candidate) - best))
            }
            if change < threshold { undetermined.append(Undetermined(name: constant.name, objectiveChange: change)) }
        }
        return Fit(profile: current, residuals: residuals(for: current), evaluations: objective.evaluations, objective: best, undetermined: undetermined)
    }

    /// The grid value nearest `value` (grid points are the range's lower bound plus multiples of the step).
    static func snap(_ value: Double, to grid: ProfileConstant.SearchGrid) -> Double {
        let steps = ((value - grid.range.lowerBound) / grid.step).rounded()
        let snapped = grid.range.lowerBound + steps * grid.step
        // Round away binary noise (0.1 + 0.2) so written profiles show clean decimals.
        return (snapped * 1e9).rounded() / 1e9
    }

    /// Runs scenarios with one profile, concurrently, returning results in input order.
    /// No event budget stops them, as no size check refuses them (their scenarios are
    /// the published cases and the user's observed windows): a fit needs every figure whole.
    static func runAll(_ scenarios: [Scenario], profile: BehaviourProfile, intervals: [SimTime]) -> [RunResult] {
        ResultSlots<RunResult>.collect(count: scenarios.count) { index in
            ScenarioRunner.run(scenarios[index], profile: profile, options: .init(sampleInterval: intervals[index], limits: .unlimited))
        }
    }
}
