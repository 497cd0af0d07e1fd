import ESMBilling
import ESMModel
import ESMFormats
import ESMScenarios

/// One scenario run under every member of a profile set: one simulation per member, on
/// all cores, results in member order whatever the scheduling.
public struct EnsembleRun: Sendable {
    /// The members' names, in set order.
    public let members: [String]
    /// Each member's run, in member order.
    public let results: [RunResult]
    /// Each member's cost, in member order.
    public let costs: [CostBreakdown]

    /// How one member's run is made: `ScenarioRunner.run` unless a test counts the runs.
    public typealias Runner = @Sendable (Scenario, BehaviourProfile, ScenarioRunner.Options) -> RunResult

    /// Runs `scenario` under every member of `set` (the options' `profile` is ignored: the
    /// members are the profiles). Costs exactly one simulation per member.
    /// - Complexity: N simulations, N the members, spread over all cores.
    public init(
        _ scenario: Scenario, set: ProfileSet, options: ScenarioRunner.Options, pricing: Pricing,
        runner: Runner = { ScenarioRunner.run($0, profile: $1, options: $2) }
    ) {
        let members = set.members
        let results = ResultSlots<RunResult>.collect(count: members.count) { index in
            runner(scenario, members[index].profile, options)
        }
        self.members = set.memberNames
        self.results = results
        costs = results.map { ScenarioRunner.cost(of: $0, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier) }
    }

    /// Refuses the ensemble when a member's run spent its event budget
    /// (`ScenarioRunner.checkFinished`), naming the first such member.
    public func checkFinished(file: String, limits: RunLimits) throws(DiagnosticError) {
        for (member, result) in zip(members, results) {
            do {
                try ScenarioRunner.checkFinished(result, file: file, limits: limits)
            } catch {
                throw DiagnosticError(problems: error.problems.map { problem in
                    var problem = problem
                    problem.context = "member \(member)"
                    return problem
                })
            }
        }
    }

    /// Each member's summary row, in member order.
    public var records: [SummaryRecord] { zip(results, costs).map { SummaryRecord($0.summary, cost: $1) } }

    /// Every summary metric's range across the members, in summary column order.
    public var ranges: [MetricRange] { MetricRange.ranges(of: records, members: members) }
}
