import EventEngine

/// A titled figure: panels stacked over one shared time axis, drawn as SVG.
public struct ChartFigure: Sendable {
    /// The title, at the top.
    public var title: String
    /// Lines of smaller text under the title.
    public var subtitles: [String]
    /// A legend shared by all panels, one entry per line under the subtitles (empty for none).
    public var legend: [ChartLegendEntry]
    /// The plots, top to bottom.
    public var panels: [ChartPanel]
    /// The latest time to show (the axis ends at the next round tick); nil shows everything.
    public var timeLimit: SimTime?
    /// The wall-clock time of simulated time zero, for an axis in clock time; nil for minutes since the start.
    public var clock: ChartClock?

    /// Creates a figure.
    public init(title: String, subtitles: [String] = [], legend: [ChartLegendEntry] = [], panels: [ChartPanel], clock: ChartClock? = nil) {
        self.title = title
        self.subtitles = subtitles
        self.legend = legend
        self.panels = panels
        self.clock = clock
    }

    /// The last sample or marker time of any panel.
    var dataEnd: SimTime {
        var end: SimTime = 0
        for panel in panels {
            for series in panel.series { end = max(end, series.points.last?.time ?? 0) }
            for band in panel.bands { end = max(end, band.points.last?.time ?? 0) }
            for marker in panel.markers { end = max(end, marker.time) }
        }
        return end
    }

    /// The time axis, covering the time limit (or the data when there is none).
    var timeScale: ChartTimeScale {
        ChartTimeScale.covering(Ticks.toSeconds(timeLimit ?? dataEnd), clock: clock)
    }

    /// Shows exactly the time up to `limit` (rounded up to a tick), saying so in a subtitle
    /// when that hides part of the data. Figures given the same limit and clock share an x-range.
    mutating func limitTime(to limit: SimTime) {
        timeLimit = limit
        let shownSeconds = timeScale.endSeconds
        let end = dataEnd
        if Ticks.toSeconds(end) > shownSeconds {
            subtitles.append("Shown: the first \(ChartNumberFormat.minutesValue(shownSeconds / 60)) min of \(ChartNumberFormat.minutes(end)) simulated.")
        }
    }
}
