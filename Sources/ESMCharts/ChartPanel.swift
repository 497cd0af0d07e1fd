/// One plot of a figure: a value axis shared by its series, over the figure's time axis.
public struct ChartPanel: Sendable {
    /// The heading above the plot.
    public var heading: String
    /// The value axis label, with its unit.
    public var valueLabel: String
    /// The lines.
    public var series: [ChartSeries]
    /// Vertical lines marking moments.
    public var markers: [ChartMarker]
    /// Shaded ranges drawn under the lines (`ChartBand`); none by default.
    public var bands: [ChartBand] = []
    /// Whether the panel lists its own series beside the heading (off when the figure's
    /// shared legend already names them).
    public var showsLegend: Bool

    /// Creates a panel.
    public init(heading: String, valueLabel: String, series: [ChartSeries], markers: [ChartMarker] = [], showsLegend: Bool) {
        self.heading = heading
        self.valueLabel = valueLabel
        self.series = series
        self.markers = markers
        self.showsLegend = showsLegend
    }

    /// The value axis: from zero over the largest value of any series; counts have whole-number ticks.
    var axis: ChartAxis {
        let largest = max(series.lazy.flatMap { $0.points.lazy.map(\.value) }.max() ?? 0,
                          bands.lazy.flatMap { $0.points.lazy.map(\.high) }.max() ?? 0)
        // A little headroom keeps a line at its maximum clear of the plot frame.
        return ChartAxis.covering(largest * 1.04, minimumStep: 1)
    }
}
