import ESMFormats
import Foundation

/// Reads observation files: CSV with the header
/// `scenario,metric,observed,tolerance,profile,source`; `profile` may be empty (any
/// profile) and `source` is free text. A row whose metric is a CloudWatch metric
/// (`OffsetLag`, `ConcurrentExecutions`...) observes a whole series: `observed` is the
/// series file (get-metric-data JSON or timestamp,value CSV, `#Id` to choose results),
/// relative to the observation file, and `tolerance` is the accepted error per point.
public enum ObservationFile {
    /// The expected header.
    public static let columns = ["scenario", "metric", "observed", "tolerance", "profile", "source"]

    /// A malformed observation file, with every problem found.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        /// One line per problem.
        public var description: String
    }

    /// Loads the observations in `path`, resolving scenario files against its folder.
    public static func load(path: String) throws(FileError) -> [Observation] {
        let text: String
        do { text = try TextFile.read(path: path, kind: "observation file") } catch { throw FileError(description: error.description) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(text, file: path, folder: folder.path)
    }

    /// Parses observation text.
    public static func parse(_ text: String, file: String, folder: String) throws(FileError) -> [Observation] {
        var rows = CSVReader.rows(text)
        guard let header = rows.first else { throw FileError(description: "\(file): empty; expected the header \(columns.joined(separator: ","))") }
        guard header.cells == columns else {
            throw FileError(description: "\(file):1: expected the header \(columns.joined(separator: ",")), found \(header.cells.joined(separator: ",").replacingOccurrences(of: "\n", with: "\\n"))")
        }
        rows.removeFirst()
        var observations: [Observation] = []
        var problems: [String] = []
        for (line, cells) in rows {
            guard cells.count == columns.count else {
                problems.append("\(file):\(line): expected \(columns.count) cells, found \(cells.count)")
                continue
            }
            guard let metric = ObservedMetric.parse(cells[1]) else {
                problems.append("\(file):\(line): unknown metric \"\(cells[1])\"; expected one of \(ObservedMetric.names.joined(separator: ", "))")
                continue
            }
            let scenarioPath = cells[0].hasPrefix("/") ? cells[0] : folder + "/" + cells[0]
            if case .series(let seriesMetric) = metric {
                guard let tolerance = Double(cells[3]), tolerance > 0, tolerance.isFinite else {
                    problems.append("\(file):\(line): tolerance \"\(cells[3])\" must be a positive number (the accepted error per point)")
                    continue
                }
                do {
                    let series = try ObservedSeries.read(cells[2], metric: seriesMetric, folder: folder)
                    observations.append(Observation(
                        scenarioPath: scenarioPath, scenarioName: cells[0], metric: metric, observed: series.peak,
                        tolerance: tolerance, profile: cells[4].isEmpty ? nil : cells[4], source: cells[5], series: series))
                } catch {
                    problems.append("\(file):\(line): \(cells[1]) series \(cells[2]):\n\(error.description)")
                }
                continue
            }
            guard let observed = Double(cells[2]), observed.isFinite else {
                problems.append("\(file):\(line): observed value \"\(cells[2])\" is not a number")
                continue
            }
            // Every metric is a time, a count or a lag: none is negative.
            guard observed >= 0 else {
                problems.append("\(file):\(line): observed value \(cells[2]) must be 0 or more")
                continue
            }
            guard let tolerance = Double(cells[3]), tolerance > 0, tolerance.isFinite else {
                problems.append("\(file):\(line): tolerance \"\(cells[3])\" must be a positive number")
                continue
            }
            observations.append(Observation(
                scenarioPath: scenarioPath, scenarioName: cells[0], metric: metric, observed: observed,
                tolerance: tolerance, profile: cells[4].isEmpty ? nil : cells[4], source: cells[5]))
        }
        if !problems.isEmpty { throw FileError(description: problems.joined(separator: "\n")) }
        return observations
    }
}
