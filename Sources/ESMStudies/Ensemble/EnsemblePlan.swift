import ESMBilling
import ESMFormats
import ESMScenarios

/// A capacity plan under every member of a profile set: what each member alone would
/// pick, and with `robust`, the cheapest configuration that meets the target under every
/// member, beside what the most optimistic member's pick risks under the others.
///
/// The most optimistic member is the one whose own cheapest pick costs least (the first
/// in set order on a tie; a member whose space holds no pick is never the most optimistic).
/// Its pick is run again under every member: its outcome under the worst of them (the
/// furthest from the target, then the slowest to drain) is what trusting that one member risks.
public struct EnsemblePlan: Sendable {
    /// Each member's own search, in member order.
    public let memberReports: [(member: String, report: PlanReport)]
    /// The search under every member at once (`plan --robust`); nil without `robust`.
    public let robust: PlanReport?
    /// The most optimistic member and its own pick.
    public let optimistic: (member: String, pick: PlanCandidate)?
    /// The optimistic pick under every member, judged by its worst member; nil without `robust`.
    public let optimisticRisk: PlanCandidate?
    /// Simulations run in all.
    public let simulations: Int

    /// Searches `plan` under each member of `set`, then (with `robust`) under all of them
    /// at once, and runs the optimistic pick under every member.
    /// - Complexity: N single-profile searches, plus with `robust` one search that runs
    ///   every setting it visits N times, plus N runs for the risk.
    public static func search(
        _ plan: CapacityPlan, set: ProfileSet, robust: Bool, options: ScenarioRunner.Options, pricing: Pricing,
        limits: StudyLimits = .standard, progress: ((_ phase: String, _ groups: Int) -> ProgressMeter)? = nil
    ) throws(DiagnosticError) -> EnsemblePlan {
        var memberReports: [(member: String, report: PlanReport)] = []
        var simulations = 0
        for member in set.members {
            let outcome = try CapacityPlanner.search(plan, options: options, pricing: pricing, limits: limits, members: [member],
                                                     progress: progress.map { make in { phase, groups in make("\(phase) (\(member.name))", groups) } })
            memberReports.append((member.name, PlanReport(plan: plan, outcome: outcome)))
            simulations += outcome.simulations
        }
        var optimistic: (member: String, pick: PlanCandidate)?
        for (member, report) in memberReports {
            guard let pick = report.meeting.first else { continue }
            if pick.cost < optimistic?.pick.cost ?? .infinity { optimistic = (member, pick) }
        }
        guard robust else {
            return EnsemblePlan(memberReports: memberReports, robust: nil, optimistic: optimistic, optimisticRisk: nil, simulations: simulations)
        }
        let outcome = try CapacityPlanner.search(plan, options: options, pricing: pricing, limits: limits, members: set.members,
                                                 progress: progress.map { make in { phase, groups in make("\(phase) (robust)", groups) } })
        simulations += outcome.simulations
        var risk: PlanCandidate?
        if let optimistic {
            var searcher = GroupSearch(plan: plan, members: set.members, options: options, pricing: pricing)
            // The risk shows how far the pick misses under each member, so its runs go to the end.
            searcher.stopsEarly = false
            let (candidates, runs) = searcher.evaluate(optimistic.pick.changes, provisioned: optimistic.pick.provisioned, order: optimistic.pick.order.dropLast())
            try CapacityPlanner.checkFinished(candidates, plan: plan, limits: options.limits)
            risk = candidates.first { $0.order == optimistic.pick.order }
            simulations += runs
        }
        return EnsemblePlan(memberReports: memberReports, robust: PlanReport(plan: plan, outcome: outcome), optimistic: optimistic,
                            optimisticRisk: risk, simulations: simulations)
    }
}
