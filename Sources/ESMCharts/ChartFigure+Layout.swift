import EventEngine

/// Placing a figure's parts: text wraps to the canvas, legends move below a heading they
/// would cross, and marker labels take the first free row beside their line.
extension ChartFigure {
    /// Fixed geometry, in SVG user units.
    enum Geometry {
        static let width = 960.0
        static let plotLeft = 88.0
        static let plotRight = 936.0
        static let plotHeight = 150.0
        static let titleBaseline = 30.0
        static let lineHeight = 19.0
        /// From a panel's top to its heading's baseline.
        static let headingBaseline = 16.0
        /// From the last heading or legend line's baseline to the plot's top.
        static let headingGap = 10.0
        /// From a plot's bottom to the next panel's top: room for the time tick labels.
        static let tickRoom = 28.0
        /// Marker label rows, from the plot's top.
        static let markerRowHeight = 16.0
        static let textColor = "#222222"
        static let mutedColor = "#555555"
    }

    /// Where everything goes.
    /// - Complexity: O(s + m²) for s samples and m markers per panel.
    public func layout() -> ChartLayout {
        let scale = timeScale
        var texts: [ChartText] = []
        var swatches: [ChartLayout.Swatch] = []
        var baseline = Geometry.titleBaseline
        for (index, line) in Self.wrap(title, fontSize: 18, bold: true, width: Geometry.width - 2 * 24).enumerated() {
            if index > 0 { baseline += 24 }
            texts.append(ChartText(role: "title", text: line, x: 24, y: baseline, fontSize: 18, bold: true, color: Geometry.textColor))
        }
        for subtitle in subtitles {
            for line in Self.wrap(subtitle, fontSize: 13, width: Geometry.width - 2 * 24) {
                baseline += Geometry.lineHeight
                texts.append(ChartText(role: "subtitle", text: line, x: 24, y: baseline, fontSize: 13, color: Geometry.mutedColor))
            }
        }
        // Details start in one column after the longest name, so they read as a table.
        let detailColumn = 24 + ChartLayout.swatchLength + 8 + 12
            + (legend.map { ChartTextMetrics.width($0.label, fontSize: 12, bold: true) }.max() ?? 0)
        for entry in legend {
            baseline += Geometry.lineHeight
            let placed = Self.legendEntry(entry, x: 24, baseline: baseline, detailColumn: detailColumn, right: Geometry.width - 24)
            texts += placed.texts
            swatches.append(placed.swatch)
            baseline = placed.texts.map(\.y).max() ?? baseline
        }
        var top = baseline + 18
        var panelLayouts: [ChartLayout.Panel] = []
        for panel in panels {
            let placed = layout(panel, top: top, scale: scale)
            panelLayouts.append(placed)
            top = placed.frame.maxY + Geometry.tickRoom
        }
        let axisBaseline = top - Geometry.tickRoom + 36
        texts.append(ChartText(role: "axis-title", text: scale.title, x: (Geometry.plotLeft + Geometry.plotRight) / 2,
                               y: axisBaseline, anchor: .middle, fontSize: 12, color: Geometry.textColor))
        return ChartLayout(width: Geometry.width, height: (axisBaseline + 12).rounded(.up), texts: texts,
                           swatches: swatches, panels: panelLayouts, timeScale: scale)
    }

    /// One panel whose heading starts at `top`.
    private func layout(_ panel: ChartPanel, top: Double, scale: ChartTimeScale) -> ChartLayout.Panel {
        var texts: [ChartText] = []
        var swatches: [ChartLayout.Swatch] = []
        let heading = ChartText(role: "heading", text: panel.heading, x: Geometry.plotLeft, y: top + Geometry.headingBaseline,
                                fontSize: 14, bold: true, color: Geometry.textColor)
        texts.append(heading)
        var lastBaseline = heading.y
        if panel.showsLegend {
            let entries = panel.series.map { ChartLegendEntry(label: $0.name, color: $0.color, dash: $0.dash) }
            let placed = Self.legendRows(entries, firstRowLeft: heading.box.maxX + 20, baseline: heading.y)
            texts += placed.texts
            swatches += placed.swatches
            lastBaseline = max(lastBaseline, placed.texts.map(\.y).max() ?? lastBaseline)
        }
        let plotTop = lastBaseline + Geometry.headingGap
        let frame = ChartBox(minX: Geometry.plotLeft, minY: plotTop, maxX: Geometry.plotRight, maxY: plotTop + Geometry.plotHeight)
        let axis = panel.axis
        for tick in axis.ticks {
            texts.append(ChartText(role: "value-tick", text: ChartNumberFormat.compactCount(tick), x: frame.minX - 8,
                                   y: frame.maxY - axis.fraction(tick) * Geometry.plotHeight + 4, anchor: .end,
                                   fontSize: 11, color: Geometry.mutedColor))
        }
        for tick in scale.ticks {
            texts.append(ChartText(role: "time-tick", text: tick.label, x: frame.minX + scale.fraction(tick.seconds) * (frame.maxX - frame.minX),
                                   y: frame.maxY + 18, anchor: .middle, fontSize: 11, color: Geometry.mutedColor))
        }
        texts.append(ChartText(role: "value-title", text: panel.valueLabel, x: 22, y: (frame.minY + frame.maxY) / 2,
                               anchor: .middle, fontSize: 12, color: Geometry.textColor, vertical: true))
        texts += markerLabels(panel.markers, in: frame, scale: scale)
        return ChartLayout.Panel(frame: frame, axis: axis, texts: texts, swatches: swatches)
    }

    /// Labels beside their marker lines: on the side with more room, in the first row where
    /// they clear every label already placed; a label with no free row is left out (the
    /// legend or subtitle gives the same moment).
    private func markerLabels(_ markers: [ChartMarker], in frame: ChartBox, scale: ChartTimeScale) -> [ChartText] {
        var placed: [ChartText] = []
        let rows = Int((frame.maxY - frame.minY - 6) / Geometry.markerRowHeight)
        for marker in markers {
            let seconds = Ticks.toSeconds(marker.time)
            guard let label = marker.label, seconds <= scale.endSeconds else { continue }
            let lineX = frame.minX + scale.fraction(seconds) * (frame.maxX - frame.minX)
            let preferLeft = lineX > frame.minX + (frame.maxX - frame.minX) * 0.7
            let candidates = (0..<rows).flatMap { row in
                (preferLeft ? [true, false] : [false, true]).map { left in
                    ChartText(role: "marker-label", text: label, x: lineX + (left ? -5 : 5),
                              y: frame.minY + 16 + Geometry.markerRowHeight * Double(row), anchor: left ? .end : .start,
                              fontSize: 12, color: marker.color)
                }
            }
            if let free = candidates.first(where: { candidate in
                frame.contains(candidate.box) && !placed.contains { $0.box.intersects(candidate.box) }
            }) {
                placed.append(free)
            }
        }
        return placed
    }

    /// A figure legend entry: swatch, name, and detail after it or wrapped onto lines below.
    private static func legendEntry(_ entry: ChartLegendEntry, x: Double, baseline: Double, detailColumn: Double, right: Double)
        -> (texts: [ChartText], swatch: ChartLayout.Swatch) {
        let textX = x + ChartLayout.swatchLength + 8
        var texts = wrap(entry.label, fontSize: 12, bold: true, width: right - textX).enumerated().map { index, line in
            ChartText(role: "legend", text: line, x: textX, y: baseline + Geometry.lineHeight * Double(index),
                      fontSize: 12, bold: true, color: Geometry.textColor)
        }
        if let detail = entry.detail, let last = texts.last {
            let besideX = max(detailColumn, last.box.maxX + 10)
            if besideX + ChartTextMetrics.width(detail, fontSize: 12) <= right {
                texts.append(ChartText(role: "legend-detail", text: detail, x: besideX, y: last.y, fontSize: 12, color: Geometry.mutedColor))
            } else {
                for (index, line) in wrap(detail, fontSize: 12, width: right - textX).enumerated() {
                    texts.append(ChartText(role: "legend-detail", text: line, x: textX, y: last.y + Geometry.lineHeight * Double(index + 1),
                                           fontSize: 12, color: Geometry.mutedColor))
                }
            }
        }
        return (texts, ChartLayout.Swatch(x: x, y: baseline - 4, color: entry.color, dash: entry.dash))
    }

    /// A panel legend, right-aligned: on the heading's line when it fits right of
    /// `firstRowLeft`, otherwise on as many lines below as it needs.
    private static func legendRows(_ entries: [ChartLegendEntry], firstRowLeft: Double, baseline: Double)
        -> (texts: [ChartText], swatches: [ChartLayout.Swatch]) {
        let gap = 16.0
        func entryWidth(_ entry: ChartLegendEntry) -> Double {
            ChartLayout.swatchLength + 6 + ChartTextMetrics.width(entry.label, fontSize: 12)
        }
        var rows: [[ChartLegendEntry]] = [[]]
        var used = 0.0
        for entry in entries {
            let width = entryWidth(entry)
            let rowIsEmpty = rows[rows.count - 1].isEmpty
            let needed = used + (rowIsEmpty ? 0 : gap) + width
            let rowLeft = rows.count == 1 ? firstRowLeft : Geometry.plotLeft
            // An entry too wide even for a fresh row takes that row alone rather than none.
            if needed <= Geometry.plotRight - rowLeft || (rowIsEmpty && rows.count > 1) {
                rows[rows.count - 1].append(entry)
                used = needed
            } else {
                rows.append([entry])
                used = width
            }
        }
        var texts: [ChartText] = []
        var swatches: [ChartLayout.Swatch] = []
        for (rowIndex, row) in rows.enumerated() where !row.isEmpty {
            let rowBaseline = baseline + Geometry.lineHeight * Double(rowIndex)
            var right = Geometry.plotRight
            for entry in row.reversed() {
                let x = right - entryWidth(entry)
                swatches.append(ChartLayout.Swatch(x: x, y: rowBaseline - 4, color: entry.color, dash: entry.dash))
                texts.append(ChartText(role: "legend", text: entry.label, x: x + ChartLayout.swatchLength + 6, y: rowBaseline,
                                       fontSize: 12, color: Geometry.textColor))
                right = x - gap
            }
        }
        return (texts, swatches)
    }

    /// `text` broken at spaces into lines no wider than `width`; a word wider than a line is
    /// broken between characters.
    static func wrap(_ text: String, fontSize: Double, bold: Bool = false, width: Double) -> [String] {
        func fits(_ line: String) -> Bool { ChartTextMetrics.width(line, fontSize: fontSize, bold: bold) <= width }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if fits(candidate) {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                if !current.isEmpty && !fits(current + String(character)) {
                    lines.append(current)
                    current = ""
                }
                current.append(character)
            }
        }
        return lines + [current]
    }
}
