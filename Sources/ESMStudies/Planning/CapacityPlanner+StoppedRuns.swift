import ESMScenarios

extension CapacityPlanner {
    /// When no configuration meets the target, the plan shows the closest ones, and a run
    /// stopped early has only partial figures to rank by; so the settings whose runs were
    /// stopped are run again to their end (counted in `simulations`). A search that found a
    /// configuration meeting the target keeps its stopped runs as they are.
    /// - Complexity: one more simulation per stopped setting and member, on all cores, only
    ///   when nothing met the target.
    static func completeStoppedRuns(_ outcome: inout Outcome, searcher: GroupSearch) {
        guard !outcome.candidates.contains(where: \.meetsTarget) else { return }
        var stopped: [PlanCandidate] = []
        for candidate in outcome.candidates where candidate.isPartial && stopped.last?.order.dropLast() != candidate.order.dropLast() {
            stopped.append(candidate)
        }
        guard !stopped.isEmpty else { return }
        var rerunning = searcher
        rerunning.stopsEarly = false
        let full = rerunning
        let settings = stopped
        let reruns = ResultSlots<([PlanCandidate], Int)>.collect(count: settings.count) { index in
            full.evaluate(settings[index].changes, provisioned: settings[index].provisioned, order: Array(settings[index].order.dropLast()))
        }
        for (candidates, simulations) in reruns {
            outcome.simulations += simulations
            for candidate in candidates {
                if let index = outcome.candidates.firstIndex(where: { $0.order == candidate.order }) { outcome.candidates[index] = candidate }
            }
        }
    }
}
