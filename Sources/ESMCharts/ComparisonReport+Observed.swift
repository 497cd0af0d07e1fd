/// The report's section on an observed series.
extension ComparisonReport {
    /// A heading, the error measures as a two-column table, and what they mean.
    static func observedSection(_ overlay: ObservedOverlay) -> [String] {
        var lines = [
            "<h2>Observed against simulated</h2>",
            "<p>The observed series: \(Markup.escape(overlay.detail)). It is drawn in black, dashed, in the chart's panel "
                + "&ldquo;\(Markup.escape(overlay.heading))&rdquo;.</p>",
            "<table class=\"observed\">",
            "<tbody>",
        ]
        for measure in overlay.measures {
            lines.append("<tr><th>\(Markup.escape(measure.name))</th><td>\(Markup.escape(measure.value))</td></tr>")
        }
        lines += [
            "</tbody>",
            "</table>",
            "<p>Each observed point covers its period from its timestamp; the simulated figure is the same statistic "
                + "over the same period. Errors are simulated minus observed."
                + (overlay.dataFile.map { " The compared points are in <code>\(Markup.escape($0))</code> beside this report." } ?? "") + "</p>",
        ]
        return lines
    }
}
