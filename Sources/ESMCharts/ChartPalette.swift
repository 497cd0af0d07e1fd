/// Line colours that stay distinguishable on white and for common colour blindness
/// (the Tableau 10 set), plus dash patterns for when there are more lines than colours.
public enum ChartPalette {
    /// Colours, in the order series receive them.
    public static let colors = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]
    /// Dash patterns for each pass through the colours: solid first.
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3"]

    /// The colour of the `index`th series.
    public static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }

    /// The dash pattern of the `index`th series: solid until the colours run out.
    public static func dash(_ index: Int) -> String? {
        dashes[(index / colors.count) % dashes.count]
    }
}
