import ESMFormats
import ESMModel
import EventEngine

/// One scenario run under every member of an ensemble, drawn as bands: for processed
/// records per second, offset lag, concurrency and pollers, the range across members
/// shaded (lowest to highest member at each sample time) with the median member value
/// as a line, so where the band is narrow the members agree and where it is wide the
/// evidence does not decide.
///
/// A member whose run ended before another's holds its last sample (a drained run stays
/// drained), so every time shown has a value from every member.
public enum EnsembleChart {
    /// The band and median lines of one quantity, from each member's points.
    /// - Complexity: O(T x N log N), T the distinct sample times, N the members.
    static func band(_ members: [[(time: SimTime, value: Double)]], name: String, color: String) -> (band: ChartBand, median: ChartSeries) {
        let times = Array(Set(members.flatMap { $0.map(\.time) })).sorted()
        var cursors = Array(repeating: 0, count: members.count)
        var bandPoints: [(time: SimTime, low: Double, high: Double)] = []
        var medianPoints: [(time: SimTime, value: Double)] = []
        for time in times {
            var values: [Double] = []
            for (index, points) in members.enumerated() {
                while cursors[index] + 1 < points.count && points[cursors[index] + 1].time <= time { cursors[index] += 1 }
                // A member with no sample yet at `time` has none to show there.
                guard let point = points.indices.contains(cursors[index]) ? points[cursors[index]] : nil, point.time <= time else { continue }
                values.append(point.value)
            }
            guard !values.isEmpty else { continue }
            values.sort()
            let middle = values.count / 2
            let median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
            bandPoints.append((time, values[0], values[values.count - 1]))
            medianPoints.append((time, median))
        }
        return (ChartBand(name: name, color: color, points: bandPoints), ChartSeries(name: name + " (median)", color: color, points: medianPoints))
    }

    /// The figure of `results`, one per member named in `members`, showing time up to
    /// `until` (default: `RunChart.sharedEnd` of all the members' runs).
    public static func figure(members: [String], results: [RunResult], title: String, until: SimTime? = nil) -> ChartFigure {
        precondition(members.count == results.count && !results.isEmpty, "one run per member")
        let series = results.map(RunSeries.init)
        let color = ChartPalette.color(0)
        func panel(_ heading: String, _ unit: String, _ name: String, _ points: (RunSeries) -> ChartSeries) -> ChartPanel {
            let (band, median) = band(series.map { points($0).points }, name: name, color: color)
            var panel = ChartPanel(heading: heading, valueLabel: unit, series: [median], showsLegend: false)
            panel.bands = [band]
            return panel
        }
        let panels = [
            panel("Processed records per second", "records/s", "processed") { $0.processedRate(name: "", color: color, dash: nil) },
            panel(RunChart.Headings.offsetLag, "records", "offset lag") { $0.offsetLag(name: "", color: color, dash: nil) },
            panel(RunChart.Headings.concurrency, "executions", "concurrency") { $0.concurrency(name: "", color: color, dash: nil) },
            panel(RunChart.Headings.pollers, "pollers", "pollers") { $0.pollers(name: "", color: color, dash: nil) },
        ]
        let summaries = results.map(\.summary)
        let drains = summaries.map { $0.drainTime.map(ChartNumberFormat.minutes) ?? "never" }
        let subtitles = [
            "\(Plural.count(members.count, "member")): " + zip(members, drains).map { "\($0) drained at \($1)" }.joined(separator: "; "),
            "Shaded: the range across members at each sample time; line: their median.",
        ]
        let legend = [
            ChartLegendEntry(label: "median member", color: color),
            ChartLegendEntry(label: "range across members", detail: "lowest to highest member at each time", color: color, dash: "2 3"),
        ]
        var figure = ChartFigure(title: title, subtitles: subtitles, legend: legend, panels: panels, clock: results[0].clock.map(ChartClock.init))
        figure.limitTime(to: until ?? RunChart.sharedEnd(for: summaries))
        return figure
    }
}
