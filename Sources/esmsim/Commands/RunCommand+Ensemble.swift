import ESMCharts
import ESMFormats
import ESMScenarios
import ESMStudies

extension RunCommand {
    /// `run --ensemble`: each scenario under every member of `set`, its ranges printed and
    /// its ensemble files written into `out/<file name>/`.
    static func runEnsemble(
        _ loaded: [ScenarioBatch.Item], set: ProfileSet, options: ScenarioRunner.Options, pricing: PriceOptions, charts: Bool, out: String
    ) -> ExitCode {
        var status = ExitCode.success
        for item in loaded {
            let run = EnsembleRun(item.scenario, set: set, options: options, pricing: pricing.pricing)
            do {
                try run.checkFinished(file: item.path, limits: options.limits)
            } catch {
                status = Console.failure(error)
                continue
            }
            let folder = out + "/" + item.fileStem
            Console.out("\(item.scenario.name): profile set \(set.name), \(Plural.count(set.members.count, "member")) (\(set.memberNames.joined(separator: ", ")))")
            Console.out(EnsembleOutputs.text(run))
            do {
                try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                    try EnsembleOutputs.write(run, to: folder)
                    if charts {
                        let chart = EnsembleChart.figure(members: run.members, results: run.results, title: "\(item.scenario.name) under profile set \(set.name)")
                        try AtomicFile.write(chart.svg(), to: folder + "/chart.svg")
                    }
                }
                Console.out("  wrote \(folder)/ensemble-summary.csv, ensemble-members.csv\(charts ? ", chart.svg" : "") and members/*/")
            } catch {
                Console.error("esmsim: \(error.description)")
                status = .failure
            }
        }
        return status
    }
}
