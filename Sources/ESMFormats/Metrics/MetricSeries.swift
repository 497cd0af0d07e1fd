/// A time series as monitoring tools export it: values at wall-clock instants, oldest
/// first, each remembering where it stood in its file.
///
/// Read by `MetricSeriesReader` from `aws cloudwatch get-metric-data` JSON or
/// `timestamp,value` CSV; the points are sorted, distinct and non-negative.
public struct MetricSeries: Equatable, Sendable {
    /// One value at one instant.
    public struct Point: Equatable, Sendable {
        /// Unix time in milliseconds; for CloudWatch, the start of the point's period.
        public var time: Int64
        /// The value: a rate, a count over the period, or a gauge's statistic.
        public var value: Double
        /// 1-based line and column of the point's timestamp in its file.
        public var line: Int
        public var column: Int

        /// A point at a position.
        public init(time: Int64, value: Double, line: Int = 0, column: Int = 0) {
            self.time = time
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// How missing points inside the series are treated.
    public enum GapPolicy: String, CaseIterable, Sendable {
        /// A missing point is an error naming the gap (the default: CloudWatch leaves a
        /// point out when nothing was reported, which may mean zero or may mean an outage).
        case error
        /// A missing point is zero (nothing was produced or observed).
        case zero
        /// A missing point repeats the one before it.
        case hold
    }

    /// The file the series came from, as named in messages.
    public var file: String
    /// What the series measures: the CloudWatch results' labels (or ids), joined with " + "
    /// when several were summed; the CSV value column's header; empty when unnamed.
    public var label: String
    /// The points, oldest first, no two at one instant.
    public var points: [Point]

    /// A series of sorted, distinct points.
    public init(file: String, label: String, points: [Point]) {
        self.file = file
        self.label = label
        self.points = points
    }

    /// The spacing of the points in milliseconds: the smallest distance between
    /// neighbours; nil for fewer than two points.
    public var period: Int64? {
        guard points.count > 1 else { return nil }
        return zip(points, points.dropFirst()).map { $1.time - $0.time }.min()
    }

    /// The instant just after the last point's period ends (nil for fewer than two points).
    public var end: Int64? { period.map { points[points.count - 1].time + $0 } }

    /// The points at every multiple of the period from the first, with gaps filled by
    /// `gaps`; spacing that is not a multiple of the period is an error whatever the policy.
    /// - Complexity: O(points + filled points).
    public func regular(gaps: GapPolicy) throws(DiagnosticError) -> [Point] {
        guard let period, period > 0 else {
            throw DiagnosticError(Diagnostic(file: file, line: points.first?.line ?? 0, column: points.first?.column ?? 0, path: "",
                                             message: "a series needs at least two points to tell its period; found \(points.count)"))
        }
        var filled: [Point] = [points[0]]
        var problems: [Diagnostic] = []
        for point in points.dropFirst() {
            let previous = filled[filled.count - 1]
            let distance = point.time - previous.time
            if distance % period != 0 {
                problems.append(Diagnostic(file: file, line: point.line, column: point.column, path: "",
                    message: "\(ClockTime.iso8601(point.time)) is \(Self.duration(distance)) after the point before it, not a multiple of the series' period of \(Self.duration(period)); give points at one period"))
            } else if distance > period {
                switch gaps {
                case .error:
                    problems.append(Diagnostic(file: file, line: point.line, column: point.column, path: "",
                        message: "gap: no point from \(ClockTime.iso8601(previous.time + period)) to \(ClockTime.iso8601(point.time - period)) (\(distance / period - 1) missing at the period of \(Self.duration(period))); fill it in the data, or choose how to read gaps (zero or hold)"))
                case .zero, .hold:
                    var time = previous.time + period
                    while time < point.time {
                        filled.append(Point(time: time, value: gaps == .zero ? 0 : previous.value, line: point.line, column: point.column))
                        time += period
                    }
                }
            }
            filled.append(point)
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return filled
    }

    /// `60 s`, `5 min`, `1 h`, for messages.
    public static func duration(_ milliseconds: Int64) -> String {
        if milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000) h" }
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000) min" }
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000) s" }
        return "\(milliseconds) ms"
    }
}
