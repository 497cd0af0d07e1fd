import ESMFormats
import Foundation

/// A prices file: the prices of each Region it covers, every figure dated and sourced.
///
/// The shipped file is `Prices/prices.json`; `--prices FILE` swaps in a user's own
/// (negotiated prices, or another Region's). `PriceList+Loading` reads and validates it.
public struct PriceList: Equatable, Sendable {
    /// The currency every price is in.
    public var currency: String
    /// The Regions, in file order.
    public var regions: [RegionPrices]

    /// The Region used when none is asked for.
    public static let defaultRegion = "us-east-1"

    /// The prices of `region`, or an error naming the Regions the file has.
    public func prices(for region: String, file: String) throws(DiagnosticError) -> RegionPrices {
        if let found = regions.first(where: { $0.region == region }) { return found }
        let known = regions.map(\.region)
        let hint = SpellingSuggestion.closest(to: region, in: known).map { "; did you mean \"\($0)\"?" }
            ?? "; it has \(known.joined(separator: ", "))"
        throw DiagnosticError(Diagnostic(file: file, line: 0, column: 0, path: "regions", message: "no prices for region \"\(region)\"\(hint)"))
    }
}
