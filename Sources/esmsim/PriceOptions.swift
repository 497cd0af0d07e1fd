import ESMBilling
import ESMScenarios

/// The `--prices`, `--region` and `--free-tier` options (`SharedOptions.prices`).
struct PriceOptions {
    /// The Region's prices.
    let prices: RegionPrices
    /// Whether to take the monthly free tier off.
    let freeTier: Bool

    /// Reads the options and loads the prices; a bad file or Region is a usage error.
    init(_ arguments: Arguments) throws(UsageError) {
        let file = arguments.value("prices")
        let region = arguments.value("region") ?? PriceList.defaultRegion
        freeTier = arguments.flag("free-tier")
        do {
            let loaded = try PriceList.load(path: file)
            prices = try loaded.list.prices(for: region, file: loaded.file)
        } catch {
            throw UsageError(error.description)
        }
    }
}
