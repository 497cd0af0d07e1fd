import ESMBilling
import ESMScenarios

/// The `--prices`, `--region` and `--free-tier` options `esmsim run` and `esmsim cost` share.
struct PriceOptions {
    /// The Region's prices.
    let prices: RegionPrices
    /// Whether to take the monthly free tier off.
    let freeTier: Bool

    /// The options' help lines.
    static let usage = """
      --prices FILE      prices file (default: the shipped prices.json, us-east-1 as of 2025-10-28)
      --region CODE      Region whose prices to use (default: us-east-1)
      --free-tier        take the monthly free tier (1M requests, 400,000 GB-s) off the Lambda usage
    """

    /// Reads the options and loads the prices; a bad file or Region is a usage error.
    init(_ arguments: inout Arguments) throws(UsageError) {
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
