import ESMScenarios

/// The options `sweep` and `plan` share to choose how runs are made: `--seed`, `--profile`
/// and the price options.
struct RunChoices {
    /// Their help lines.
    static let usage = """
      --seed N           seed of every run (the first replication's with --replications; default: the scenario's)
      --profile NAME     behaviour profile, shipped name or .json file (default: the scenario's, else aws-2024)
    \(PriceOptions.usage)
      -h, --help         show this help
    """

    /// Seed and profile.
    let options: ScenarioRunner.Options
    /// Prices.
    let pricing: Pricing

    /// Reads the options.
    init(_ arguments: inout Arguments) throws(UsageError) {
        let seed = try arguments.integer("seed", in: 0...Int64.max).map { UInt64($0) }
        options = ScenarioRunner.Options(profile: arguments.value("profile"), seed: seed)
        pricing = try PriceOptions(&arguments).pricing
    }
}
