import ESMFormats
import ESMModel
import EventEngine

/// An observed series laid over a simulated run, point by point, with error measures.
///
/// Clock alignment: the run's clock (its scenario's `startTime`) places each observed
/// timestamp in simulated time; a run without a clock starts at the first observed point.
/// Each observed point covers its period [t, t + period) and is compared with the
/// simulated figure over the same period (`SeriesMetric.simulated`). Points before time 0
/// are left out and counted.
public struct SeriesComparison: Sendable {
    /// One observed point and its simulated counterpart.
    public struct Pair: Sendable {
        /// Simulated time of the start of the point's period.
        public var time: SimTime
        /// Unix milliseconds of the observed timestamp.
        public var clock: Int64
        public var observed: Double
        public var simulated: Double

        /// The overlay CSVs' leading cells for this point: `time_s`, `clock`, the observed value.
        var observedCells: [String] {
            [CSVFormat.seconds(time), ClockTime.iso8601(clock), CSVFormat.decimal(observed, places: 3)]
        }
    }

    /// The metric compared.
    public let metric: SeriesMetric
    /// The pairs, oldest first.
    public let pairs: [Pair]
    /// Observed points before simulated time 0, left out.
    public let before: Int
    /// The clock start used: the run's, or the first observed point.
    public let start: Int64

    /// Compares `observed` with `result`.
    public init(_ observed: ObservedSeries, result: RunResult) {
        metric = observed.metric
        let start = result.clock?.startEpochMilliseconds ?? observed.series.points.first?.time ?? 0
        self.start = start
        let period = observed.period ?? ModelConfiguration.defaultSampleInterval
        var pairs: [Pair] = []
        var before = 0
        for point in observed.series.points {
            let time = (point.time - start) * Ticks.perMillisecond
            guard time >= 0 else {
                before += 1
                continue
            }
            let simulated = observed.metric.simulated(result.rows, from: time, to: time + period)
            pairs.append(Pair(time: time, clock: point.time, observed: point.value, simulated: simulated))
        }
        self.pairs = pairs
        self.before = before
    }

    /// Mean absolute error over the pairs.
    public var meanAbsoluteError: Double {
        pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + abs($1.simulated - $1.observed) } / Double(pairs.count)
    }

    /// Root mean square error over the pairs, in units of `tolerance`.
    public func normalizedRMS(tolerance: Double) -> Double {
        guard !pairs.isEmpty else { return 0 }
        let sum = pairs.reduce(0) { $0 + (($1.simulated - $1.observed) / max(tolerance, 1e-9)) * (($1.simulated - $1.observed) / max(tolerance, 1e-9)) }
        return (sum / Double(pairs.count)).squareRoot()
    }

    /// The pair at the observed peak (the first, on a tie).
    public var observedPeak: Pair? {
        guard let highest = pairs.map(\.observed).max() else { return nil }
        return pairs.first { $0.observed == highest }
    }

    /// The simulated peak over the compared periods.
    public var simulatedPeak: Double { pairs.map(\.simulated).max() ?? 0 }

    /// Simulated minus observed at the observed peak's period.
    public var errorAtPeak: Double { observedPeak.map { $0.simulated - $0.observed } ?? 0 }

    /// Observed and simulated catch-up times (`LagStatistics.caughtUpTime` on the compared
    /// periods), for a lag metric; nil inside when the series never catches up.
    public var caughtUp: (observed: SimTime?, simulated: SimTime?)? {
        guard metric.isLag else { return nil }
        let times = pairs.map(\.time)
        return (LagStatistics.caughtUpTime(times: times, lags: pairs.map(\.observed)),
                LagStatistics.caughtUpTime(times: times, lags: pairs.map(\.simulated)))
    }

    /// The overlay as CSV: `time_s,clock,observed,simulated`.
    public var csv: String {
        var lines = ["time_s,clock,observed_\(metric.rawValue),simulated_\(metric.rawValue)"]
        for pair in pairs {
            lines.append((pair.observedCells + [CSVFormat.decimal(pair.simulated, places: 3)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The error measures, one line each, for the console.
    public var report: [String] {
        let peak = observedPeak
        var lines = [
            "\(metric.rawValue): \(pairs.count) observed points compared\(before > 0 ? " (\(before) before the scenario's start left out)" : "")",
            "  mean absolute error  \(CSVFormat.decimal(meanAbsoluteError, places: 1))",
            "  peak                 observed \(CSVFormat.decimal(peak?.observed ?? 0, places: 1)) at \(peak.map { ClockTime.iso8601($0.clock) } ?? "-"), simulated there \(CSVFormat.decimal(peak?.simulated ?? 0, places: 1)) (error \(CSVFormat.decimal(errorAtPeak, places: 1))); simulated peak \(CSVFormat.decimal(simulatedPeak, places: 1))",
        ]
        if let caughtUp {
            let show: (SimTime?) -> String = { $0.map { "\(CSVFormat.seconds($0)) s (\(ClockTime.iso8601(start + $0 / Ticks.perMillisecond)))" } ?? "never" }
            var line = "  caught up            observed \(show(caughtUp.observed)), simulated \(show(caughtUp.simulated))"
            if let observed = caughtUp.observed, let simulated = caughtUp.simulated {
                line += ", difference \(CSVFormat.seconds(simulated - observed)) s"
            }
            lines.append(line)
        }
        return lines
    }
}
