import ESMCharts
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// `esmsim run`: simulates scenarios and writes their CSVs.
enum RunCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "run", operands: "FILE...",
        summary: "simulate scenarios and write timeseries.csv and summary.csv",
        about: """
        Simulates each scenario file and writes DIR/<file name>/timeseries.csv and summary.csv,
        with what the run costs (EPU time, Lambda requests and duration) and that cost scaled
        to a 730-hour month, as if the simulated span repeated all month. A scenario listing
        several ESMs (eventSourceMappings) writes the function-wide timeseries.csv, a
        timeseries-NAME.csv per ESM, a summary.csv row per ESM and a total row, and, with
        poller groups, poller-groups.csv.

        With --ensemble, each scenario runs once under every member of the profile set and
        DIR/<file name>/ holds ensemble-summary.csv (metric,min,min_member,median,max,
        max_member,spread,agree: every summary metric's range across the members; agree is
        yes when max - min is within 10 % of the median), ensemble-members.csv (each member's
        summary row) and members/<member>/timeseries.csv and summary.csv; --charts draws
        chart.svg as the band across members (shaded min..max, median line). Not with
        --replications: the members share one seed so the ranges are their disagreement
        alone; run each member with --profile MEMBER --replications K for its confidence.
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder; each scenario's files go in DIR/<file name>/", default: "Results"),
        ] + SharedOptions.run + [
            SharedOptions.replications,
            SharedOptions.ensemble,
            OptionDefinition("charts", .flag, "also write DIR/<file name>/chart.svg: offset lag, concurrency and pollers over time"),
        ] + SharedOptions.prices)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let out = try OutputPath.folder(arguments.value("out")) ?? "Results"
        let options = try arguments.runOptions()
        let replications = Int(try arguments.integer("replications") ?? 1)
        let pricing = try PriceOptions(arguments)
        let charts = arguments.flag("charts")
        let ensemble = try arguments.ensemble()
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim run needs at least one scenario file (see esmsim help run)") }
        if let ensemble, replications > 1 { throw ensemble.replicationsRefusal(command: "run") }
        try ScenarioBatch.checkDistinctFolders(arguments.positional, out: out)
        guard let loaded = ScenarioBatch.load(arguments.positional, options: options) else { return .usage }
        if let ensemble {
            guard ScenarioBatch.check(loaded, under: ensemble, options: options) else { return .usage }
            return runEnsemble(loaded, set: ensemble, options: options, pricing: pricing, charts: charts, out: out)
        }

        var status = ExitCode.success
        for item in loaded {
            let folder = out + "/" + item.fileStem
            let run = RunOutcome(item, options: options, pricing: pricing)
            do {
                try ScenarioRunner.checkFinished(run.result, file: item.path, limits: options.limits)
            } catch {
                status = Console.failure(error)
                continue
            }
            Console.out(run.description)
            do {
                try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                    try run.write(to: folder)
                    if charts { try AtomicFile.write(RunChart.svg(for: run.result), to: folder + "/chart.svg") }
                }
                Console.out("  wrote \(folder)/\(run.fileList(charts: charts))")
                if replications > 1, replicate(item.scenario, profile: item.profile, options: options, pricing: pricing, count: replications, folder: folder, file: item.path) != .success {
                    status = .failure
                }
            } catch {
                Console.error("esmsim: \(error.description)")
                status = .failure
            }
        }
        return status
    }
}
