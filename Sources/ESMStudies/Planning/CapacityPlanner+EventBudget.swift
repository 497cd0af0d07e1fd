import ESMFormats
import ESMScenarios

extension CapacityPlanner {
    /// Refuses a plan one of whose runs spent its event budget: whether that configuration
    /// meets the target is unknown, so no pick can be trusted. Names the first such
    /// configuration in enumeration order.
    static func checkFinished(_ candidates: [PlanCandidate], plan: CapacityPlan, limits: RunLimits) throws(DiagnosticError) {
        guard let stuck = candidates.first(where: { $0.budgetSpentAt != nil }), let spentAt = stuck.budgetSpentAt else { return }
        let settings = zip(PlanReport.settingColumns, stuck.settings).filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let message = "the run of \(settings) says nothing of the target: " + limits.budgetSpent(at: spentAt)
        throw DiagnosticError(problems: [Diagnostic(file: plan.file, problem: .runStopped(message))])
    }
}
