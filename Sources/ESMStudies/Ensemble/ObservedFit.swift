import ESMFormats
import ESMScenarios

/// Which members of an ensemble stay consistent with a user's observed series: each
/// member's run laid over the series (`SeriesComparison`), its RMS error measured in a
/// tolerance, consistent when that is at most 1.
public struct ObservedFit: Sendable {
    /// The member.
    public var member: String
    /// The member's run against the observations.
    public var comparison: SeriesComparison
    /// The accepted RMS error per point.
    public var tolerance: Double

    /// The default tolerance when the user gives none: `MetricRange.disagreementThreshold`
    /// (10 %) of the observed peak, the width at which members are said to disagree, so a
    /// member within it cannot be told from the observations by this series.
    public static func defaultTolerance(for observed: ObservedSeries) -> Double {
        max(1e-9, MetricRange.disagreementThreshold * observed.peak)
    }

    /// The RMS error in tolerances.
    public var normalizedRMS: Double { comparison.normalizedRMS(tolerance: tolerance) }
    /// Whether the member is consistent with the observations.
    public var consistent: Bool { normalizedRMS <= 1 + 1e-9 }

    /// Every member of `run` against `observed`, in member order.
    public static func fits(_ observed: ObservedSeries, run: EnsembleRun, tolerance: Double? = nil) -> [ObservedFit] {
        let tolerance = tolerance ?? defaultTolerance(for: observed)
        return zip(run.members, run.results).map { ObservedFit(member: $0, comparison: SeriesComparison(observed, result: $1), tolerance: tolerance) }
    }

    /// The fits as a console table, with a closing line naming the consistent members.
    public static func table(_ fits: [ObservedFit]) -> String {
        let rows = fits.map { fit in
            [fit.member, CSVFormat.decimal(fit.comparison.meanAbsoluteError, places: 1), CSVFormat.decimal(fit.comparison.errorAtPeak, places: 1),
             CSVFormat.decimal(fit.normalizedRMS, places: 2), fit.consistent ? "yes" : "NO"]
        }
        let consistent = fits.filter(\.consistent).map(\.member)
        let tolerance = fits.first.map { CSVFormat.decimal($0.tolerance, places: 1) } ?? "-"
        return TextTable.render(header: ["member", "mean_abs_error", "error_at_peak", "rms_in_tolerances", "consistent"], rows: rows)
            + "\nconsistent with the observations (RMS error within \(tolerance) per point): "
            + (consistent.isEmpty ? "none of the members" : consistent.joined(separator: ", "))
    }
}
