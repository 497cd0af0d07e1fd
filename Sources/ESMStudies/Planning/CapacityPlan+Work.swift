import ESMScenarios
import ESMFormats
import ESMModel

extension CapacityPlan {
    /// How many configurations the space holds (memory sizes included), as a `Double` so
    /// an absurd space cannot overflow.
    var configurationCount: Double {
        let combinations = enumerated.reduce(1.0) { $0 * Double($1.values.count) }
        let pollerSettings = Double(minimumPollers?.values.count ?? 1) * Double(maximumPollers?.values.count ?? 1)
        let perCombination = modes.reduce(0.0) { $0 + ($1 ? pollerSettings : 1) }
        return combinations * perCombination * Double(memory?.values.count ?? 1)
    }

    /// Whether the workload's duration depends on memory (`function.durationByMemory`), so
    /// each memory size needs its own simulation.
    var durationDependsOnMemory: Bool { template.json["function"]?["durationByMemory"] != nil }

    /// Each axis of the space with its number of values, largest first: what drives its size.
    var axisSizes: String {
        let sizes = [("mode", modes.count)] + ([minimumPollers, maximumPollers, memory].compactMap { $0 } + enumerated).map { ($0.field.name, $0.values.count) }
        return sizes.sorted { $0.1 > $1.1 }.map { "\($0.0) (\($0.1))" }.joined(separator: " x ")
    }

    /// A problem with the space as a whole.
    func spaceProblem(_ message: String) -> DiagnosticError {
        DiagnosticError(problems: [Diagnostic(file: file, line: 0, column: 0, path: "space", message: message)])
    }

    /// Refuses a space with more configurations than a plan lists, before anything is
    /// built for it.
    func checkConfigurations(limits: StudyLimits) throws(DiagnosticError) {
        let configurations = configurationCount
        if configurations > Double(limits.maximumPlanConfigurations) {
            throw spaceProblem("\(RunLimits.approximate(configurations)) configurations, more than the \(RunLimits.approximate(Double(limits.maximumPlanConfigurations))) a plan searches; mostly \(axisSizes); give fewer values")
        }
    }

    /// Refuses, before any simulation, a search too long to finish: at most every setting
    /// of every group simulated, each at its group's estimated work plus the per-run
    /// overhead. `progress` hears of every group estimated.
    /// - Complexity: O(groups) scenario builds, on all cores.
    func checkWork(searcher: GroupSearch, limits: StudyLimits, progress: ProgressMeter?) throws(DiagnosticError) {
        let pollerSettings = (minimumPollers?.values.count ?? 1) * (maximumPollers?.values.count ?? 1)
        // A duration table makes every memory size its own simulation.
        let runsPerSetting = durationDependsOnMemory ? memory?.values.count ?? 1 : 1
        let combinations = enumerated.reduce(1) { $0 * $1.values.count }
        let groups = modes.flatMap { provisioned in (0..<combinations).map { (provisioned: provisioned, combination: $0) } }
        var events = 0.0
        var costliest: (events: Double, changes: [ScenarioTemplate.Change])?
        OrderedBlocks.forEach(count: groups.count, size: 4_096, progress: progress) { index -> Double in
            let group = groups[index]
            let changes = searcher.enumeratedChanges(group.combination)
            // Every value was checked when the plan was loaded; an unbuildable mix is skipped by the search too.
            guard let scenario = try? template.scenario(changes, provisioned: group.provisioned) else { return 0 }
            return ScenarioRunner.estimate(of: scenario, profile: searcher.profile, options: searcher.options).events
        } consume: { range, estimates in
            for (index, estimate) in zip(range, estimates) {
                let simulations = (groups[index].provisioned ? Double(pollerSettings) : 1) * Double(runsPerSetting) * Double(searcher.members.count)
                events += simulations * (estimate + limits.overheadEventsPerRun)
                if estimate > costliest?.events ?? -1 { costliest = (estimate, searcher.enumeratedChanges(groups[index].combination)) }
            }
            return true
        }
        guard events > limits.maximumEvents else { return }
        var message = "too long to search: up to \(RunLimits.approximate(Double(groups.count * pollerSettings * runsPerSetting * searcher.members.count))) simulations, \(limits.size(events)); "
        if let costliest, costliest.events > 10 * limits.overheadEventsPerRun {
            let setting = costliest.changes.map { "\($0.field.name)=\($0.value.compactJSON)" }.joined(separator: ", ")
            message += "one run\(setting.isEmpty ? "" : " (\(setting))") alone is about \(RunLimits.approximate(costliest.events)) events, so shorten the workload's horizonSeconds or drop its costliest values, or give fewer values of \(axisSizes)"
        } else {
            message += "mostly the number of settings: give fewer values of \(axisSizes)"
        }
        throw spaceProblem(message)
    }
}
