/// Laying an observed series over a figure of runs.
extension ChartFigure {
    /// Adds `overlay` as a panel of its own under the incoming-traffic panel (or first when
    /// there is none): the run's simulated figure in the style of the run it belongs to
    /// (`runIndex`) and the observed series in `ObservedOverlay`'s style, with a legend
    /// entry "observed".
    public mutating func addObserved(_ overlay: ObservedOverlay, runIndex: Int = 0, runName: String) {
        let simulated = ChartSeries(name: runName, color: ChartPalette.color(runIndex), dash: ChartPalette.dash(runIndex), points: overlay.simulated)
        let observed = ChartSeries(name: ObservedOverlay.name, color: ObservedOverlay.color, dash: ObservedOverlay.dash, points: overlay.observed)
        let panel = ChartPanel(heading: overlay.heading, valueLabel: overlay.valueLabel, series: [simulated, observed],
                               markers: overlay.markers, showsLegend: false)
        panels.insert(panel, at: panels.isEmpty ? 0 : 1)
        legend.append(ChartLegendEntry(label: ObservedOverlay.name, detail: overlay.detail, color: ObservedOverlay.color, dash: ObservedOverlay.dash))
    }
}
