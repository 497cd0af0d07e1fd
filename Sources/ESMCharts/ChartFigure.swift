import EventEngine

/// A titled figure: panels stacked over one shared time axis in minutes, drawn as SVG.
public struct ChartFigure: Sendable {
    /// The title, at the top.
    public var title: String
    /// Lines of smaller text under the title.
    public var subtitles: [String]
    /// A legend shared by all panels, one entry per line under the subtitles (empty for none).
    public var legend: [ChartLegendEntry]
    /// The plots, top to bottom.
    public var panels: [ChartPanel]
    /// The latest time to show (the axis ends at the next nice tick); nil shows everything.
    public var timeLimit: SimTime?

    /// Creates a figure.
    public init(title: String, subtitles: [String] = [], legend: [ChartLegendEntry] = [], panels: [ChartPanel]) {
        self.title = title
        self.subtitles = subtitles
        self.legend = legend
        self.panels = panels
    }

    /// The last sample or marker time of any panel.
    var dataEnd: SimTime {
        var end: SimTime = 0
        for panel in panels {
            for series in panel.series { end = max(end, series.points.last?.time ?? 0) }
            for marker in panel.markers { end = max(end, marker.time) }
        }
        return end
    }

    /// The time axis in minutes, covering the data up to the time limit.
    var timeAxis: ChartAxis {
        ChartAxis.covering(Ticks.toSeconds(min(dataEnd, timeLimit ?? dataEnd)) / 60, targetTicks: 10)
    }

    /// Shows only the time up to `limit`, saying so in a subtitle when that hides part of the data.
    mutating func limitTime(to limit: SimTime) {
        timeLimit = limit
        let end = dataEnd
        let shownMinutes = timeAxis.upper
        if Ticks.toSeconds(end) / 60 > shownMinutes {
            subtitles.append("Shown: the first \(ChartNumberFormat.minutesValue(shownMinutes)) min of \(ChartNumberFormat.minutes(end)) simulated.")
        }
    }
}
