import ESMFormats

/// A producer schedule read from observed traffic: a CloudWatch get-metric-data JSON
/// (per-broker results summed) or `timestamp,value` CSV, one constant-rate piece per
/// point (equal neighbours merged, zero rates left as quiet gaps), starting at the first
/// point's clock time.
public struct TrafficImport: Sendable {
    /// The file, with `#Id,...` to choose CloudWatch results.
    public var reference: String
    /// What the values count.
    public var unit: TrafficUnit = .recordsPerSecond
    /// How missing points are read.
    public var gaps: MetricSeries.GapPolicy = .error

    public init(reference: String, unit: TrafficUnit = .recordsPerSecond, gaps: MetricSeries.GapPolicy = .error) {
        self.reference = reference
        self.unit = unit
        self.gaps = gaps
    }

    /// The schedule in scenario terms.
    public struct Schedule: Sendable {
        /// The first point's instant, the scenario's `startTime`.
        public var startTime: Int64
        /// `producer.schedule` pieces: start and duration in seconds, records per second.
        public var pieces: [(startSeconds: Double, durationSeconds: Double, recordsPerSecond: Double)]
        /// Seconds from the first point to the end of the last one's period.
        public var spanSeconds: Double
        /// One line on what was read, for the import report.
        public var summary: String
    }

    /// Reads the traffic; `recordSizeBytes` converts bytes to records.
    public func schedule(recordSizeBytes: Double?) throws(DiagnosticError) -> Schedule {
        let series = try MetricSeriesReader.read(reference: reference)
        let path = series.file
        try checkUnit(series, path: path, recordSizeBytes: recordSizeBytes)
        let points = try series.regular(gaps: gaps)
        let period = series.period!
        let periodSeconds = Double(period) / 1_000
        let divisor = (unit.isBytes ? recordSizeBytes ?? 1 : 1) * (unit.isPerPeriod ? periodSeconds : 1)
        var pieces: [(startSeconds: Double, durationSeconds: Double, recordsPerSecond: Double)] = []
        let start = points[0].time
        for point in points {
            // Three decimals: a thousandth of a record a second is below anything measured.
            let rate = (point.value / divisor * 1_000).rounded() / 1_000
            let startSeconds = Double(point.time - start) / 1_000
            if let last = pieces.last, last.recordsPerSecond == rate, last.startSeconds + last.durationSeconds == startSeconds {
                pieces[pieces.count - 1].durationSeconds += periodSeconds
            } else if rate > 0 {
                pieces.append((startSeconds, periodSeconds, rate))
            }
        }
        let span = Double(points[points.count - 1].time - start) / 1_000 + periodSeconds
        let rates = points.map { $0.value / divisor }
        let mean = rates.reduce(0, +) / Double(rates.count)
        let filled = points.count - series.points.count
        let summary = "traffic: \(points.count) points at \(MetricSeries.duration(period)) from \(path)"
            + (series.label.isEmpty ? "" : " (\(series.label))")
            + ", \(ClockTime.iso8601(start)) to \(ClockTime.iso8601(start + Int64(span * 1_000))); "
            + "mean \(FieldReader.format((mean * 10).rounded() / 10)) records/s, peak \(FieldReader.format(((rates.max() ?? 0) * 10).rounded() / 10)) records/s"
            + (filled > 0 ? "; \(filled) missing points read as \(gaps == .zero ? "zero" : "the point before")" : "")
            + "; \(pieces.count) schedule pieces"
        return Schedule(startTime: start, pieces: pieces, spanSeconds: span, summary: summary)
    }

    /// Refuses a series whose label says it counts something other than `unit` does
    /// (bytes read as records, or records as bytes), and bytes without a record size.
    func checkUnit(_ series: MetricSeries, path: String, recordSizeBytes: Double?) throws(DiagnosticError) {
        let label = series.label.lowercased()
        let problem: String?
        if !unit.isBytes && label.contains("bytes") {
            problem = "the series is \(series.label), bytes, and the traffic unit is \(unit.rawValue): give the unit bytes/s (or bytes) with the record size"
        } else if unit.isBytes && (label.contains("messages") || label.contains("records")) {
            problem = "the series is \(series.label), records, and the traffic unit is \(unit.rawValue): give the unit records/s (or records)"
        } else if unit.isBytes && recordSizeBytes == nil {
            problem = "converting bytes to records needs the record size: give the mean record size in bytes"
        } else {
            problem = nil
        }
        if let problem { throw DiagnosticError(Diagnostic(file: path, message: problem)) }
    }
}
