extension PriceList {
    /// The Region codes the shipped prices file covers, comma-separated, for help texts.
    public static var shippedRegions: String {
        ((try? load(path: nil).list.regions.map(\.region)) ?? []).joined(separator: ", ")
    }
}
