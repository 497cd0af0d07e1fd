import ESMBilling
import ESMFormats
import ESMModel
import EventEngine

extension RunOutputs {
    /// Columns of `summary.csv` for a scenario listing several ESMs: the one-ESM columns
    /// with `mapping` after `scenario`.
    public static let mappingSummaryColumns = [summaryColumns[0], "mapping"] + summaryColumns.dropFirst()

    /// Columns of `poller-groups.csv`.
    public static let pollerGroupColumns = ["poller_group", "esms", "epu_seconds", "epu_hours", "epu_cost_usd", "monthly_epu_cost_usd"]

    /// The file of one ESM's time series: `timeseries-NAME.csv`.
    public static func mappingTimeSeriesFile(_ name: String) -> String { "timeseries-\(name).csv" }

    /// `summary.csv` of a scenario listing several ESMs: one row per ESM, in the scenario's
    /// order, then the function-wide `total` row. Every row's `scenario` is the scenario's
    /// name. Counts, billed time and the EventCount columns of the total are the ESMs'
    /// sums; its `max_concurrency` is the function's (at most the ESMs' sum). A grouped
    /// ESM's EPU columns are 0: its group is billed once, in the total and `poller-groups.csv`.
    public static func mappingSummaryCSV(_ result: CoSimulationResult, costs: [CostBreakdown], totalCost: CostBreakdown) -> String {
        let scenario = result.total.summary.scenario
        func line(_ summary: RunSummary, _ mapping: String, _ cost: CostBreakdown) -> String {
            var cells = summaryCells(summary, cost: cost)
            cells[0] = scenario
            cells.insert(mapping, at: 1)
            return CSVFormat.line(cells)
        }
        var lines = [CSVFormat.line(mappingSummaryColumns)]
        for (index, mapping) in result.mappings.enumerated() {
            lines.append(line(mapping.summary, mapping.summary.scenario, costs[index]))
        }
        lines.append(line(result.total.summary, ScenarioLoader.totalRowName, totalCost))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `poller-groups.csv`: each poller group's ESMs (names joined by `+`) and the EPU time
    /// and cost of the whole group.
    public static func pollerGroupCSV(_ result: CoSimulationResult, costs: [CostBreakdown]) -> String {
        var lines = [CSVFormat.line(pollerGroupColumns)]
        for (group, cost) in zip(result.groups, costs) {
            let names = group.members.map { result.mappings[$0].summary.scenario }.joined(separator: "+")
            lines.append(CSVFormat.line([
                group.name, names, String(group.epuSeconds), CSVFormat.decimal(cost.epuHours, places: 6),
                CSVFormat.decimal(cost.epuCost, places: 6), cost.monthlyTotal.map { CSVFormat.decimal($0, places: 6) } ?? "",
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes a co-simulation's files into `folder`: `timeseries.csv` (the function-wide
    /// total, in the one-ESM columns, so charts read it as any run), `timeseries-NAME.csv`
    /// per ESM, `summary.csv` (a row per ESM and the total) and, with poller groups,
    /// `poller-groups.csv`.
    public static func write(
        _ result: CoSimulationResult, costs: (mappings: [CostBreakdown], groups: [CostBreakdown]), totalCost: CostBreakdown,
        to folder: String
    ) throws(AtomicFile.WriteError) {
        try AtomicFile.write(timeSeriesCSV(result.total.rows, clock: result.total.clock), to: folder + "/timeseries.csv")
        for mapping in result.mappings {
            try AtomicFile.write(
                timeSeriesCSV(mapping.rows, clock: mapping.clock), to: folder + "/" + mappingTimeSeriesFile(mapping.summary.scenario))
        }
        try AtomicFile.write(mappingSummaryCSV(result, costs: costs.mappings, totalCost: totalCost), to: folder + "/summary.csv")
        if !result.groups.isEmpty {
            try AtomicFile.write(pollerGroupCSV(result, costs: costs.groups), to: folder + "/poller-groups.csv")
        }
    }
}
