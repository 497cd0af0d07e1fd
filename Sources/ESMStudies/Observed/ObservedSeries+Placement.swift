import ESMFormats
import EventEngine

/// Whether an observed series overlaps the run it is compared with.
extension ObservedSeries {
    /// A problem when no observed point falls inside the simulated span of a scenario
    /// starting at `startTime` (Unix milliseconds; nil: at the first observed point) and
    /// lasting `horizon`: a comparison would then have nothing to measure, and a fit would
    /// take the empty comparison for a perfect one.
    public func placementProblem(startTime: Int64?, horizon: SimTime, scenario: String) -> Diagnostic? {
        guard let start = startTime, let first = series.points.first, let last = series.points.last else { return nil }
        let end = start + horizon / Ticks.perMillisecond
        guard !series.points.contains(where: { $0.time >= start && $0.time < end }) else { return nil }
        return Diagnostic(file: series.file, line: first.line, column: first.column, path: "",
            message: "no point falls within the simulated span of \(scenario), \(ClockTime.iso8601(start)) to \(ClockTime.iso8601(end)) (its startTime and horizon); the series runs from \(ClockTime.iso8601(first.time)) to \(ClockTime.iso8601(last.time))")
    }
}
