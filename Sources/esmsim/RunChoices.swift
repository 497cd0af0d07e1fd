import ESMBilling
import ESMScenarios

/// The options `sweep` and `plan` share to choose how runs are made: the run options of
/// every simulating command (`Arguments.runOptions`) and the price options.
struct RunChoices {
    /// Their help lines.
    static let usage = """
      --seed N           seed of every run (the first replication's with --replications; default: the scenario's)
      --profile NAME     behaviour profile, shipped name or .json file (default: the scenario's, else aws-2024)
      --interval S       seconds between samples, which mean_offset_lag averages (default: 60)
      --horizon S        stop a run that has not drained after S simulated seconds (default: the scenario's)
    \(PriceOptions.usage)
      -h, --help         show this help
    """

    /// Seed, profile, sampling interval and horizon.
    let options: ScenarioRunner.Options
    /// Prices.
    let pricing: Pricing

    /// Reads the options.
    init(_ arguments: inout Arguments) throws(UsageError) {
        options = try arguments.runOptions()
        pricing = try PriceOptions(&arguments).pricing
    }
}
