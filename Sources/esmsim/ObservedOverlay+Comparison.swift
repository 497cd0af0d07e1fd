import ESMCharts
import ESMFormats
import ESMStudies
import EventEngine

/// The chart overlay of a comparison of an observed series with a run.
extension ObservedOverlay {
    /// The overlay of `comparison`, whose observed series came from `source` at `period` ticks;
    /// `dataFile` names the CSV of the compared points written beside the report.
    init(_ comparison: SeriesComparison, source: String, period: SimTime, dataFile: String?) {
        let metric = comparison.metric
        let periodText = MetricSeries.duration(period / Ticks.perMillisecond)
        var markers: [ChartMarker] = []
        var fit = "mean absolute error \(SeriesComparison.figure(comparison.meanAbsoluteError)), error at the peak \(SeriesComparison.figure(comparison.errorAtPeak))"
        if let caughtUp = comparison.caughtUp {
            if let time = caughtUp.observed {
                markers.append(ChartMarker(kind: "observed-caught-up", time: time, label: "observed caught up", color: ObservedOverlay.color, dash: "2 3"))
            }
            if let time = caughtUp.simulated {
                markers.append(ChartMarker(kind: "caught-up", time: time, label: "simulated caught up", color: ChartPalette.color(0), dash: "2 3"))
            }
            switch (caughtUp.observed, caughtUp.simulated) {
            case (let observed?, let simulated?) where observed == simulated: fit += ", catches up at the same time"
            case (let observed?, let simulated?): fit += ", catches up \(CSVFormat.seconds(abs(simulated - observed))) s \(simulated > observed ? "later" : "earlier")"
            case (nil, _?): fit += "; the observed lag never catches up"
            case (_?, nil): fit += "; the simulated lag never catches up"
            case (nil, nil): break
            }
        }
        self.init(
            heading: "\(metric.title): observed and simulated, \(metric.statistic) per \(periodText)",
            valueLabel: metric.unit,
            detail: "\(metric.rawValue) (\(metric.statistic), \(periodText)) from \(source); \(fit)",
            observed: comparison.pairs.map { ($0.time, $0.observed) },
            simulated: comparison.pairs.map { ($0.time, $0.simulated) },
            markers: markers,
            measures: comparison.measures.map { ObservedOverlay.Measure(name: $0.name, value: $0.value) },
            dataFile: dataFile)
    }
}
