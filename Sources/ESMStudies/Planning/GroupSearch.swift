import ESMScenarios
import ESMBilling
import ESMModel
import EventEngine

/// The search of one group of a plan's space: one mode and one combination of the fully
/// enumerated settings, over the poller bounds (provisioned) and memory sizes. With several
/// members (an ensemble) each setting runs under every one and counts as its worst
/// member's outcome, so the search's monotonicity still holds: if more pollers never hurt
/// under any member, they never hurt the worst of them.
struct GroupSearch: Sendable {
    let plan: CapacityPlan
    /// The profiles every setting runs under: one, or an ensemble's members.
    let members: [ProfileSet.Member]
    let options: ScenarioRunner.Options
    let pricing: Pricing
    /// Whether runs stop as soon as they are known to miss the target (`PlanTarget.cutoff`):
    /// the candidates that meet it are unchanged, those that miss get partial figures.
    var stopsEarly = true
    /// Whether every setting is simulated (no pruning, no skipping, no early stop): the
    /// reference the pruned search is tested against.
    var exhaustive = false

    /// Searches group number `group`.
    func search(group: Int, provisioned: Bool, combination: Int) -> CapacityPlanner.Outcome {
        let base = enumeratedChanges(combination)
        let memoryCount = plan.memory?.values.count ?? 1
        guard provisioned else {
            let (candidates, simulations) = evaluate(base, provisioned: false, order: [group, 0, 0])
            return .init(candidates: candidates, simulations: simulations, configurations: memoryCount, settings: 1, prunedInfeasible: 0, skippedNoGain: 0)
        }
        let minimums = plan.minimumPollers.map { axis in axis.values.map { (axis.field, $0) } } ?? []
        let maximums = plan.maximumPollers.map { axis in axis.values.map { (axis.field, $0) } } ?? []
        let minimumSteps: [ScenarioTemplate.Change?] = minimums.isEmpty ? [nil] : minimums
        let maximumSteps: [ScenarioTemplate.Change?] = maximums.isEmpty ? [nil] : maximums
        // Valid (minimum, maximum) pairs per maximum: the API wants MaximumPollers >= MinimumPollers.
        let changes: (Int, Int) -> [ScenarioTemplate.Change] = { i, j in base + [minimumSteps[i], maximumSteps[j]].compactMap { $0 } }
        let columns: [[Int]] = maximumSteps.indices.map { j in
            minimumSteps.indices.filter { i in (try? plan.template.scenario(changes(i, j), provisioned: true)) != nil }
        }
        let settings = columns.reduce(0) { $0 + $1.count }
        var outcome = CapacityPlanner.Outcome(candidates: [], simulations: 0, configurations: settings * memoryCount, settings: settings, prunedInfeasible: 0, skippedNoGain: 0)
        var evaluated: [[Int]: [PlanCandidate]] = [:]
        var missed: [(i: Int, j: Int)] = []
        func knownToMiss(_ i: Int, _ j: Int) -> Bool { missed.contains { i <= $0.i && j <= $0.j } }
        func run(_ i: Int, _ j: Int) -> (meetsTarget: Bool, drainTime: Double) {
            if let known = evaluated[[i, j]] { return Self.outlook(known) }
            let (candidates, simulations) = evaluate(changes(i, j), provisioned: true, order: [group, j, i])
            evaluated[[i, j]] = candidates
            outcome.simulations += simulations
            if !Self.outlook(candidates).meetsTarget { missed.append((i, j)) }
            return Self.outlook(candidates)
        }
        if exhaustive {
            for j in maximumSteps.indices { for i in columns[j] { _ = run(i, j) } }
        }
        // Largest maximum first: when its most pollers miss, every smaller setting misses too.
        for j in maximumSteps.indices.reversed() where !exhaustive {
            let column = columns[j]
            guard let top = column.last else { continue }
            if knownToMiss(top, j) || !run(top, j).meetsTarget { break }
            var low = 0
            var high = column.count - 1
            while low < high {
                let middle = (low + high) / 2
                if !knownToMiss(column[middle], j) && run(column[middle], j).meetsTarget {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            var previousDrain = Double.infinity
            for position in high..<column.count {
                let drain = run(column[position], j).drainTime
                if drain >= previousDrain { break }
                previousDrain = drain
            }
        }
        // Walk the lattice once more, in enumeration order, to collect and count.
        for j in maximumSteps.indices {
            for i in columns[j] {
                if let candidates = evaluated[[i, j]] {
                    outcome.candidates += candidates
                } else if knownToMiss(i, j) {
                    outcome.prunedInfeasible += 1
                } else {
                    outcome.skippedNoGain += 1
                }
            }
        }
        return outcome
    }

    /// The changes that set the fully enumerated axes to their values in `combination`
    /// (mixed radix, the last axis fastest).
    func enumeratedChanges(_ combination: Int) -> [ScenarioTemplate.Change] {
        var rest = combination
        var changes: [ScenarioTemplate.Change] = []
        for axis in plan.enumerated.reversed() {
            changes.insert((axis.field, axis.values[rest % axis.values.count]), at: 0)
            rest /= axis.values.count
        }
        return changes
    }

    /// What a setting's memory sizes promise the poller search: whether any meets the
    /// target, and the shortest drain among them.
    static func outlook(_ candidates: [PlanCandidate]) -> (meetsTarget: Bool, drainTime: Double) {
        (candidates.contains { $0.meetsTarget }, candidates.map(\.drainTime).min() ?? .infinity)
    }

    /// The profile whose work estimates size the search: the first member's.
    var profile: BehaviourProfile { members[0].profile }

    /// Simulates one setting under every member, once per distinct function duration
    /// among the memory sizes (once in all, unless `function.durationByMemory` makes memory
    /// change the duration), and prices it at every size; returns the candidates (each the
    /// worst member's outcome) and the simulations run.
    func evaluate(_ changes: [ScenarioTemplate.Change], provisioned: Bool, order: [Int]) -> ([PlanCandidate], Int) {
        let memories: [ScenarioTemplate.Change?] = plan.memory.map { axis in axis.values.map { (axis.field, $0) } } ?? [nil]
        // Every value was validated when the plan was loaded, so these scenarios are valid.
        let variants = memories.compactMap { memory in try? plan.template.scenario(changes + [memory].compactMap { $0 }, provisioned: provisioned) }
        var simulations = 0
        var records = Array(repeating: [SummaryRecord](), count: variants.count)
        var cutOffs = Array(repeating: [SimTime?](), count: variants.count)
        var budgetsSpent = Array(repeating: SimTime?.none, count: variants.count)
        var options = options
        if stopsEarly && !exhaustive && !(variants.first?.hasMappingList ?? true) { options.cutoff = plan.target.cutoff }
        for member in members {
            var runs: [(duration: FunctionSpec.DurationModel, result: RunResult)] = []
            for (offset, scenario) in variants.enumerated() {
                let result: RunResult
                if let known = runs.first(where: { $0.duration == scenario.function.duration }) {
                    result = known.result
                } else {
                    result = ScenarioRunner.run(scenario, profile: member.profile, options: options)
                    runs.append((scenario.function.duration, result))
                }
                let cost = ScenarioRunner.cost(of: result, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier)
                records[offset].append(SummaryRecord(result.summary, cost: cost))
                cutOffs[offset].append(result.summary.cutOffAt)
                budgetsSpent[offset] = budgetsSpent[offset] ?? result.summary.eventBudgetSpentAt
            }
            simulations += runs.count
        }
        let candidates = variants.enumerated().map { offset, scenario in
            var candidate = PlanCandidate(
                order: order + [offset], settings: PlanReport.settingCells(scenario), records: records[offset], cutOffs: cutOffs[offset],
                members: members.map(\.name), target: plan.target, changes: changes, provisioned: provisioned)
            candidate.budgetSpentAt = budgetsSpent[offset]
            return candidate
        }
        return (candidates, simulations)
    }
}
