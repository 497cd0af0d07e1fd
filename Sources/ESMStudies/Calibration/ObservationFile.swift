import ESMFormats
import Foundation

/// Reads observation files: CSV with the header
/// `scenario,metric,observed,tolerance,profile,source`; `profile` may be empty (any
/// profile) and `source` is free text. A row whose metric is a CloudWatch metric
/// (`OffsetLag`, `ConcurrentExecutions`...) observes a whole series: `observed` is the
/// series file (get-metric-data JSON or timestamp,value CSV, `#Id` to choose results),
/// relative to the observation file, and `tolerance` is the accepted error per point.
///
/// Every problem is a `Diagnostic` at its line, column and column name; a series file's
/// own problems follow the row that names it, at their positions in that file.
public enum ObservationFile {
    /// The expected header.
    public static let columns = ["scenario", "metric", "observed", "tolerance", "profile", "source"]

    /// Loads the observations in `path`, resolving scenario and series files against its
    /// folder; a scenario file that does not exist is reported at its row.
    public static func load(path: String) throws(DiagnosticError) -> [Observation] {
        let text = try TextFile.read(path: path, kind: "observation file")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(text, file: path, folder: folder.path, checkScenarioFiles: true)
    }

    /// Parses observation text.
    public static func parse(_ text: String, file: String, folder: String, checkScenarioFiles: Bool = false) throws(DiagnosticError) -> [Observation] {
        var table = try CSVTable(text, file: file, columns: columns, kind: "observation file")
        var observations: [Observation] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let scenario = table.cell(row, "scenario")
            guard !scenario.isEmpty else {
                table.report(row, "scenario", "missing; name the scenario file the observation is of")
                continue
            }
            let scenarioPath = scenario.hasPrefix("/") ? scenario : folder + "/" + scenario
            if checkScenarioFiles, let obstacle = TextFile.obstacle(to: scenarioPath) {
                table.report(row, "scenario", "cannot read the scenario file \(scenarioPath): \(obstacle)")
                continue
            }
            let metricName = table.cell(row, "metric")
            guard let metric = ObservedMetric.parse(metricName) else {
                let bare = ObservedMetric.names.map { $0.components(separatedBy: " ")[0] }
                let suggestion = SpellingSuggestion.closest(to: metricName, in: bare).map { " (did you mean \($0)?)" } ?? ""
                table.report(row, "metric", "unknown metric \"\(metricName)\"\(suggestion); expected one of \(ObservedMetric.names.joined(separator: ", "))")
                continue
            }
            let profile = table.cell(row, "profile")
            let key = [scenarioPath, metric.description, profile].joined(separator: "\u{0}")
            if let first = seen[key] {
                table.report(row, "metric", "\(metric) of \(scenario)\(profile.isEmpty ? "" : " for profile \(profile)") is observed twice (also at line \(first)); keep one row, or the figure counts double in a fit")
                continue
            }
            seen[key] = row.line
            let perPoint = metric.isSeries ? " (the accepted error per point)" : ""
            guard let tolerance = table.number(row, "tolerance", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude,
                                               meaning: "a positive number\(perPoint)") else { continue }
            var observed: Double
            var series: ObservedSeries?
            if case .series(let seriesMetric) = metric {
                do {
                    series = try ObservedSeries.read(table.cell(row, "observed"), metric: seriesMetric, folder: folder)
                } catch {
                    table.report(row, "observed", "the \(metricName) series \(table.cell(row, "observed")) cannot be read: \(Plural.count(error.problems.count, "problem")) below")
                    table.problems += error.problems
                    continue
                }
                observed = series?.peak ?? 0
            } else {
                // Every figure is a time, a count or a lag: none is negative.
                guard let value = table.number(row, "observed", in: 0...Double.greatestFiniteMagnitude,
                                               meaning: "the observed figure, 0 or more, in the metric's unit") else { continue }
                observed = value
            }
            observations.append(Observation(
                scenarioPath: scenarioPath, scenarioName: scenario, metric: metric, observed: observed,
                tolerance: tolerance, profile: profile.isEmpty ? nil : profile, source: table.cell(row, "source"), series: series))
        }
        try table.finish()
        return observations
    }
}
