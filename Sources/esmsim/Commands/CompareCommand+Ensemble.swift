import ESMCharts
import ESMFormats
import ESMScenarios
import ESMStudies
import EventEngine

extension CompareCommand {
    /// `compare --ensemble`: each scenario under every member of `set`, its band chart and
    /// report in `folder/<file name>/`, every scenario's ranges in `folder/ensemble-summary.csv`,
    /// and with `observed`, which members stay consistent with it and every member's overlay
    /// on it in `folder/observed-METRIC.csv` (`ObservedFit.csv`).
    static func compareEnsemble(
        _ loaded: [ScenarioBatch.Item], set: ProfileSet, options: ScenarioRunner.Options, pricing: PriceOptions,
        title: String?, until: SimTime?, observed: ObservedSeries?, folder: String
    ) -> ExitCode {
        var files: [(name: String, text: String)] = []
        var summary = [["scenario"] + MetricRange.columns]
        var fits: [ObservedFit] = []
        for item in loaded {
            let run = EnsembleRun(item.scenario, set: set, options: options, pricing: pricing.pricing)
            do {
                try run.checkFinished(file: item.path, limits: options.limits)
            } catch {
                return Console.failure(error)
            }
            let heading = title ?? "\(item.scenario.name) under profile set \(set.name)"
            Console.out("\(item.scenario.name): profile set \(set.name), \(Plural.count(set.members.count, "member")) (\(set.memberNames.joined(separator: ", ")))")
            Console.out(EnsembleOutputs.text(run))
            files.append((item.fileStem + "/ensemble.svg", EnsembleChart.figure(members: run.members, results: run.results, title: heading, until: until).svg()))
            files.append((item.fileStem + "/report.html", EnsembleReport.html(
                setName: set.name, setDescription: set.description, members: run.members, results: run.results, costs: run.costs,
                title: heading, until: until)))
            summary += run.ranges.map { [item.scenario.name] + $0.cells }
            if let observed { fits = ObservedFit.fits(observed, run: run) }
        }
        files.append(("ensemble-summary.csv", summary.map(CSVFormat.line).joined(separator: "\n") + "\n"))
        if let observed { files.append(("observed-\(observed.metric.rawValue).csv", ObservedFit.csv(fits))) }
        let status = OutputFolder.write(files, into: folder)
        if let observed, status == .success {
            Console.out("\n\(observed.metric.rawValue): each member against the observed series")
            Console.out(ObservedFit.table(fits))
        }
        return status
    }
}
