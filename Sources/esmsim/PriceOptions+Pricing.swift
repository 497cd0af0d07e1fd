import ESMBilling
import ESMScenarios

extension PriceOptions {
    /// The options as the library's pricing choice.
    var pricing: Pricing { Pricing(prices: prices, freeTier: freeTier) }
}
