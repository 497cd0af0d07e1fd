import ESMBilling
import ESMScenarios

/// The options `sweep` and `plan` share to choose how runs are made: the run options of
/// every simulating command (`Arguments.runOptions`) and the price options.
struct RunChoices {
    /// Their definitions.
    static let options = SharedOptions.run + SharedOptions.prices

    /// Seed, profile, sampling interval and horizon.
    let options: ScenarioRunner.Options
    /// Prices.
    let pricing: Pricing

    /// Reads the options.
    init(_ arguments: Arguments) throws(UsageError) {
        options = try arguments.runOptions()
        pricing = try PriceOptions(arguments).pricing
    }
}
