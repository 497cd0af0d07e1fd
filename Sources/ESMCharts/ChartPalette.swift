/// Line styles that stay apart for readers with colour blindness and in greyscale print:
/// the Okabe-Ito colours (Okabe and Ito, "Color Universal Design", 2008), without its yellow,
/// which is too pale on white, each paired with a dash pattern.
///
/// The `index`th style is colour `index mod 7` with dash `index mod 5`; 7 and 5 share no
/// factor, so the first 35 styles are all different pairs, and any five consecutive styles
/// differ by dash alone, without colour.
public enum ChartPalette {
    /// Colours, in the order series receive them: blue, vermillion, bluish green, reddish
    /// purple, orange, sky blue, black.
    public static let colors = [
        "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000",
    ]
    /// Dash patterns (SVG `stroke-dasharray`), solid first.
    public static let dashes: [String?] = [nil, "9 4", "2 3", "12 3 3 3", "5 5"]

    /// The colour of the `index`th series or scenario.
    public static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }

    /// The dash pattern of the `index`th series or scenario.
    public static func dash(_ index: Int) -> String? {
        dashes[index % dashes.count]
    }

    /// The dash of the `role`th line drawn for one scenario in its own chart: the scenario's
    /// own dash for its main line (role 0), so it looks as in the comparison, and for further
    /// lines in the same panel the other patterns in order, so lines in one colour still differ.
    public static func dash(scenario index: Int, role: Int) -> String? {
        let own = dash(index)
        guard role > 0 else { return own }
        let others = dashes.filter { $0 != own }
        return others[(role - 1) % others.count]
    }
}
