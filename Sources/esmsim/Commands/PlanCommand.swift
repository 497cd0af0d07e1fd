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
        says how many simulations it ran. Exit code 0 whether or not a configuration meets the target.
        Before any simulation the whole search is estimated: a space of more than 1,000,000
        configurations, or one whose simulations (counted as if none were pruned) exceed about
        two core-hours, is refused (exit 2) with its size and the axes or run that drive it.
        Progress goes to stderr once the search runs longer than a second.
        Costs are the simulated run's, and its monthly projection scales the simulated span to
        a 730-hour month (plan.csv's monthly_cost_usd).
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder for plan.csv", default: "Results/<plan file name>"),
        ] + RunChoices.options)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let out = try OutputPath.folder(arguments.value("out"))
        let choices = try RunChoices(arguments)
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw UsageError("esmsim plan needs exactly one plan file (see esmsim help plan)")
        }
        let report: PlanReport
        do {
            let plan = try CapacityPlan.load(path: file)
            let outcome = try CapacityPlanner.search(plan, options: choices.options, pricing: choices.pricing) { phase, groups in
                ProgressMeter(total: groups, label: phase, unit: "groups") { Console.error($0) }
            }
            report = PlanReport(plan: plan, outcome: outcome)
        } catch {
            Console.error(error.description)
            return .usage
        }
        Console.out(report.text)
        return OutputFolder.write([("plan.csv", report.csv)], into: out ?? OutputFolder.defaultFolder(for: file))
    }
}
