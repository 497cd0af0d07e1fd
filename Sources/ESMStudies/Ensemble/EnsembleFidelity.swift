import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios

/// Where the evidence does not decide: each member of a profile set against the
/// observations (published figures, or a user's own series), and the probe questions on
/// which the members disagree most.
public enum EnsembleFidelity {
    /// One member's residuals.
    public struct MemberResiduals: Sendable {
        /// The member.
        public var member: String
        /// Its residuals, in observation order.
        public var residuals: [Calibrator.Residual]
        /// Whether every residual is within its tolerance: the member is consistent with the observations.
        public var consistent: Bool { residuals.allSatisfy(\.withinTolerance) }
    }

    /// One probe's range across the members.
    public struct Disagreement: Sendable {
        /// The probe.
        public var probe: Probe
        /// Its metric's range.
        public var range: MetricRange
    }

    /// Every member of `set` against the observations that apply to the set: those naming
    /// no profile or naming one of its members (each member is held to all of them).
    public static func residuals(_ observations: [Observation], set: ProfileSet) throws -> [MemberResiduals] {
        let relevant = observations.filter { $0.profile.map(set.memberNames.contains) ?? true }.map { observation in
            var any = observation
            any.profile = nil
            return any
        }
        return try set.members.map { member in
            let calibrator = try Calibrator(observations: relevant, profileName: member.name)
            return MemberResiduals(member: member.name, residuals: calibrator.residuals(for: member.profile))
        }
    }

    /// Every probe under every member, most disagreement first (then file order).
    /// - Complexity: probes x members simulations, each probe's members on all cores.
    public static func disagreements(_ probes: [Probe], set: ProfileSet, runner: EnsembleRun.Runner? = nil) throws(DiagnosticError) -> [Disagreement] {
        // Probes read run figures, not costs; the shipped prices of the default Region serve.
        let loaded = try PriceList.load(path: nil)
        let pricing = Pricing(prices: try loaded.list.prices(for: PriceList.defaultRegion, file: loaded.file), freeTier: false)
        var found: [Disagreement] = []
        for probe in probes {
            let scenario = try ScenarioLoader.load(path: probe.scenarioPath)
            let run = runner.map { EnsembleRun(scenario, set: set, options: .init(), pricing: pricing, runner: $0) }
                ?? EnsembleRun(scenario, set: set, options: .init(), pricing: pricing)
            try run.checkFinished(file: probe.scenarioPath, limits: .standard)
            let values = run.records.map { $0.number(probe.metric) }
            found.append(Disagreement(probe: probe, range: MetricRange(metric: probe.metric, values: values, members: run.members)))
        }
        return found.enumerated().sorted { ($0.element.range.spread, -$0.offset) > ($1.element.range.spread, -$1.offset) }.map(\.element)
    }

    /// The members' residuals as a table, then which members are consistent.
    public static func residualTable(_ members: [MemberResiduals], observationsFile: String) -> String {
        var rows: [[String]] = []
        for member in members {
            for residual in member.residuals {
                let observation = residual.observation
                rows.append([member.member, observation.scenarioName, observation.metric.description,
                             CSVFormat.decimal(observation.observed, places: 1), CSVFormat.decimal(residual.simulated, places: 1),
                             CSVFormat.decimal(observation.tolerance, places: 1), CSVFormat.decimal(residual.normalized, places: 2),
                             residual.withinTolerance ? "yes" : "NO"])
            }
        }
        let consistent = members.filter(\.consistent).map(\.member)
        return TextTable.render(header: ["member", "scenario", "metric", "observed", "simulated", "tolerance", "residual", "within"], rows: rows)
            + "\n\nconsistent with \(observationsFile) (every figure within its tolerance): "
            + (consistent.isEmpty ? "none of the members" : consistent.joined(separator: ", "))
    }

    /// The disagreements as a table: the question, the range with the member at each end,
    /// the spread, and what to measure.
    public static func disagreementTable(_ disagreements: [Disagreement]) -> String {
        let rows = disagreements.map { item in
            let range = item.range
            return [item.probe.question, range.metric,
                    "\(value(range.minimum)) (\(range.minimumMember))", value(range.median), "\(value(range.maximum)) (\(range.maximumMember))",
                    range.spreadCell, item.probe.measure]
        }
        return TextTable.render(header: ["question", "metric", "min (member)", "median", "max (member)", "spread", "to tell them apart, measure"], rows: rows)
    }

    static func value(_ number: Double) -> String { number.isFinite ? CSVFormat.decimal(number, places: 1) : "never" }
}
