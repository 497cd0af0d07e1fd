import ESMScenarios
import ESMBilling
import ESMFormats
import ESMModel

/// Searches a plan's space for the cheapest configurations that meet its target, without
/// simulating the whole product. It relies on three properties of the model:
/// - memory changes only the price unless the workload gives `function.durationByMemory`,
///   so each configuration is simulated once per distinct duration among the memory sizes
///   (once in all without a table) and priced at every size;
/// - more pollers never make a run miss a target it met (at any memory size), so along `MinimumPollers` (for
///   each `MaximumPollers`) a binary search finds the fewest pollers that meet it, and a
///   configuration below one that missed is not run;
/// - once one more step of `MinimumPollers` no longer shortens the drain, further steps
///   only add EPU cost, so the rest of that axis is skipped;
/// - the peak offset lag and the time without a drain only grow as a run goes on, so a run
///   stops as soon as either shows it misses the target (`PlanTarget.cutoff`): a run that
///   meets it is never stopped, so the candidates meeting the target and the pick keep
///   every figure, and a stopped one is reported as missing with partial figures (run
///   again to its end when nothing meets the target, so the closest are ranked on full figures).
/// Groups of the other settings are searched independently on all cores, so the result
/// and the count of simulations never depend on scheduling.
public enum CapacityPlanner {
    /// What a search found and what it cost.
    public struct Outcome: Sendable {
        /// Every configuration evaluated, in enumeration order.
        public var candidates: [PlanCandidate]
        /// Simulations run.
        public var simulations: Int
        /// Configurations in the space, memory sizes included.
        public var configurations: Int
        /// Settings in the space, memory sizes not counted (each needs its own simulation).
        public var settings: Int
        /// Settings not run because fewer-poller or same-poller runs showed they cannot meet the target.
        public var prunedInfeasible: Int
        /// Settings not run because more pollers had stopped shortening the drain.
        public var skippedNoGain: Int
    }

    /// Searches `plan`'s space, after refusing a space or search larger than `limits`.
    /// `progress`, given a phase and its count of groups, makes a meter for it. With
    /// `members` (an ensemble), every setting runs under each member and meets the target
    /// only if it does under every member (`PlanCandidate.worstMember` says which member
    /// gave its figures); without, under the profile the options and workload choose.
    /// `exhaustive` simulates every setting to its end, without pruning or early stops:
    /// the reference the search's answers are tested against; `stopsEarly` false keeps the
    /// pruning but runs every visited setting to its end.
    public static func search(
        _ plan: CapacityPlan, options: ScenarioRunner.Options, pricing: Pricing, limits: StudyLimits = .standard,
        members: [ProfileSet.Member]? = nil, exhaustive: Bool = false, stopsEarly: Bool = true,
        progress: ((_ phase: String, _ groups: Int) -> ProgressMeter)? = nil
    ) throws(DiagnosticError) -> Outcome {
        let members = if let members { members } else { [try profileMember(plan, options: options)] }
        // The workload, refused up front if even its base settings are too large to simulate.
        for member in members {
            try ScenarioRunner.checkSize(of: try plan.template.scenario([]), profile: member.profile, options: options, file: plan.file)
        }
        let searcher = GroupSearch(plan: plan, members: members, options: options, pricing: pricing, stopsEarly: stopsEarly, exhaustive: exhaustive)
        let combinations = plan.enumerated.reduce(1) { $0 * $1.values.count }
        let groups = plan.modes.flatMap { provisioned in (0..<combinations).map { (provisioned: provisioned, combination: $0) } }
        try plan.checkWork(searcher: searcher, limits: limits, progress: progress?("plan: estimating", groups.count))
        let searching = progress?("plan", groups.count)
        let outcomes = ResultSlots<Outcome>.collect(count: groups.count) { index in
            let outcome = searcher.search(group: index, provisioned: groups[index].provisioned, combination: groups[index].combination)
            searching?.advance()
            return outcome
        }
        var total = Outcome(candidates: [], simulations: 0, configurations: 0, settings: 0, prunedInfeasible: 0, skippedNoGain: 0)
        for outcome in outcomes {
            total.candidates += outcome.candidates
            total.simulations += outcome.simulations
            total.configurations += outcome.configurations
            total.settings += outcome.settings
            total.prunedInfeasible += outcome.prunedInfeasible
            total.skippedNoGain += outcome.skippedNoGain
        }
        completeStoppedRuns(&total, searcher: searcher)
        try checkFinished(total.candidates, plan: plan, limits: options.limits)
        return total
    }

    /// The one profile a plan without an ensemble runs with, as the only member.
    static func profileMember(_ plan: CapacityPlan, options: ScenarioRunner.Options) throws(DiagnosticError) -> ProfileSet.Member {
        let profile = try ScenarioRunner.profile(for: try plan.template.scenario([]), options: options)
        return ProfileSet.Member(name: profile.name, profile: profile)
    }
}
