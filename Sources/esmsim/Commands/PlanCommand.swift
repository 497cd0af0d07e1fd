import ESMStudies
import ESMScenarios

/// `esmsim plan`: the cheapest settings that meet a target.
enum PlanCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "plan", operands: "FILE",
        summary: "find the cheapest settings that meet a target",
        about: """
        Searches a plan file's space of ESM settings for the cheapest configurations that meet
        its target, prints them with the cost / drain-time Pareto front (or, when nothing meets
        the target, the closest configurations), and writes DIR/plan.csv. A plan file:
          {"workload": "../provisioned-blog-min10.json",
           "target": {"maxDrainSeconds": 600, "maxPeakOffsetLag": 1e6, "maxRecordAgeP99Seconds": 300},
           "space": {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 10, 50],
                     "MaximumPollers": [200], "BatchSize": [100, 500],
                     "MaximumBatchingWindowInSeconds": [0, 1], "memoryMB": [512, 1024], "partitions": [100]},
           "show": 5}
        Every target given must hold and the run must drain within its horizon. The search
        prices every memory size from one run, binary-searches MinimumPollers (more pollers never
        miss a target fewer met) and stops raising it once the drain no longer shortens; it
        says how many simulations it ran. A run stops as soon as it is known to miss (its peak
        offset lag above maxPeakOffsetLag, or undrained at maxDrainSeconds); plan.csv marks
        its figures partial. --exhaustive instead runs every setting to its end. Exit code 0 whether or not a configuration meets the target.
        Before any simulation the whole search is estimated: a space of more than 1,000,000
        configurations, or one whose simulations (counted as if none were pruned) exceed about
        two core-hours, is refused (exit 2) with its size and the axes or run that drive it.
        Progress goes to stderr once the search runs longer than a second.
        Costs are the simulated run's, and its monthly projection scales the simulated span to
        a 730-hour month (plan.csv's monthly_cost_usd).

        With --ensemble, the plan is searched under each member of the profile set alone and
        prints what each would pick; DIR/ensemble-plan.csv holds the picks. With --robust too,
        it also finds the cheapest configuration that meets the target under EVERY member (each
        setting run under every member, judged by its worst one; written to DIR/plan.csv), and
        runs the most optimistic member's pick (the cheapest of the members' picks) under every
        member to show what trusting that member alone risks.
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder for plan.csv", default: "Results/<plan file name>"),
            SharedOptions.ensemble,
            OptionDefinition("robust", .flag, "with --ensemble: the cheapest configuration meeting the target under every member"),
            OptionDefinition("exhaustive", .flag, "simulate every setting to its end (no pruning, no early stops): slower; checks the search"),
        ] + RunChoices.options)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let out = try OutputPath.folder(arguments.value("out"))
        let choices = try RunChoices(arguments)
        let ensemble = try arguments.ensemble()
        let robust = arguments.flag("robust")
        let exhaustive = arguments.flag("exhaustive")
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw UsageError("esmsim plan needs exactly one plan file (see esmsim help plan)")
        }
        if robust && ensemble == nil { throw UsageError("--robust plans against every member of a profile set; give --ensemble NAME|FILE too") }
        if exhaustive && ensemble != nil { throw UsageError("--exhaustive checks a single-profile plan; leave out --ensemble") }
        if let ensemble { return planEnsemble(file, set: ensemble, robust: robust, choices: choices, out: out) }
        let report: PlanReport
        do {
            let plan = try CapacityPlan.load(path: file)
            let outcome = try CapacityPlanner.search(plan, options: choices.options, pricing: choices.pricing, exhaustive: exhaustive) { phase, groups in
                ProgressMeter(total: groups, label: phase, unit: "groups") { Console.error($0) }
            }
            report = PlanReport(plan: plan, outcome: outcome)
        } catch {
            return Console.failure(error)
        }
        Console.out(report.text)
        return OutputFolder.write([("plan.csv", report.csv)], into: out ?? OutputFolder.defaultFolder(for: file))
    }

    /// `plan --ensemble [--robust]`.
    static func planEnsemble(_ file: String, set: ProfileSet, robust: Bool, choices: RunChoices, out: String?) -> ExitCode {
        let result: EnsemblePlan
        do {
            let plan = try CapacityPlan.load(path: file)
            result = try EnsemblePlan.search(plan, set: set, robust: robust, options: choices.options, pricing: choices.pricing) { phase, groups in
                ProgressMeter(total: groups, label: phase, unit: "groups") { Console.error($0) }
            }
        } catch {
            return Console.failure(error)
        }
        Console.out(String(result.text(setName: set.name).dropLast()))
        var files = [(name: "ensemble-plan.csv", text: result.csv)]
        if let robust = result.robust { files.append((name: "plan.csv", text: robust.csv)) }
        return OutputFolder.write(files, into: out ?? OutputFolder.defaultFolder(for: file))
    }
}
