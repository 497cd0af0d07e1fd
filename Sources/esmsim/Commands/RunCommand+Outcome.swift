import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine

extension RunCommand {
    /// One scenario's run, priced: of one ESM, or of a list of ESMs with its total.
    struct RunOutcome {
        /// The run, or for a list the function-wide total: what the chart shows.
        let result: RunResult
        let cost: CostBreakdown
        /// The list's co-simulation and the costs of its ESMs and poller groups; nil for one ESM.
        let list: (result: CoSimulationResult, costs: (mappings: [CostBreakdown], groups: [CostBreakdown]))?

        /// Runs `item` and prices it.
        init(_ item: ScenarioBatch.Item, options: ScenarioRunner.Options, pricing: PriceOptions) {
            let scenario = item.scenario
            if scenario.hasMappingList {
                let run = ScenarioRunner.runMappings(scenario, profile: item.profile, options: options)
                result = run.total
                list = (run, ScenarioRunner.costs(of: run, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier))
            } else {
                result = ScenarioRunner.run(scenario, profile: item.profile, options: options, progress: Self.progress(item, options: options))
                list = nil
            }
            cost = ScenarioRunner.cost(of: result, scenario: scenario, prices: pricing.prices, freeTier: pricing.freeTier)
        }

        /// A meter of a run's simulated seconds, heard on stderr once a run takes over a second.
        static func progress(_ item: ScenarioBatch.Item, options: ScenarioRunner.Options) -> ProgressMeter {
            let horizon = Ticks.toSeconds(options.horizon ?? item.scenario.horizon)
            return ProgressMeter(total: Int(horizon), label: "run \(item.fileStem)", unit: "simulated s") { Console.error($0) }
        }

        /// The printed summary: the run's, and for a list a line per ESM and per poller group.
        var description: String {
            var text = SummaryText.describe(result.summary, cost: cost)
            guard let list else { return text }
            for (mapping, cost) in zip(list.result.mappings, list.costs.mappings) {
                text += "\n  " + SummaryText.describeMapping(mapping.summary, cost: cost)
            }
            for (group, cost) in zip(list.result.groups, list.costs.groups) {
                let names = group.members.map { list.result.mappings[$0].summary.scenario }.joined(separator: ", ")
                text += "\n  poller group \(group.name) (\(names)): \(CSVFormat.decimal(cost.epuHours, places: 3)) EPU-hours, \(SummaryText.dollars(cost.epuCost))"
            }
            return text
        }

        /// Writes the run's CSV files into `folder`.
        func write(to folder: String) throws(AtomicFile.WriteError) {
            guard let list else { return try RunOutputs.write(result, cost: cost, to: folder) }
            try RunOutputs.write(list.result, costs: list.costs, totalCost: cost, to: folder)
        }

        /// The files written, for the message that says so.
        func fileList(charts: Bool) -> String {
            var files = ["timeseries.csv"]
            if let list {
                files += list.result.mappings.map { RunOutputs.mappingTimeSeriesFile($0.summary.scenario) }
            }
            files.append("summary.csv")
            if let list, !list.result.groups.isEmpty { files.append("poller-groups.csv") }
            if charts { files.append("chart.svg") }
            return files.dropLast().joined(separator: ", ") + " and " + files[files.count - 1]
        }
    }
}
