import ESMFormats
import ESMScenarios
import Foundation

/// One of AWS's documented sizing examples: arithmetic, not a measurement, that a
/// scenario reproduces and the model is held to.
public struct SizingExample: Sendable {
    /// How the simulated figure must relate to AWS's.
    public enum Rule: String, Sendable {
        /// AWS's arithmetic has no per-batch overhead, so it bounds the model from above.
        case atMost = "at_most"
        /// The model must reproduce AWS's figure within the tolerance.
        case equal
    }

    /// The scenario file, resolved against the example file's folder.
    public var scenarioPath: String
    /// The scenario as written in the file.
    public var scenarioName: String
    /// What is compared.
    public var metric: SizingMetric
    /// AWS's figure.
    public var awsFigure: Double
    /// How the model's figure must relate to it.
    public var rule: Rule
    /// For `equal`, the accepted distance.
    public var tolerance: Double
    /// Where the figure comes from.
    public var source: String

    /// Whether `simulated` keeps the rule.
    public func holds(_ simulated: Double) -> Bool {
        switch rule {
        case .atMost: return simulated <= awsFigure * (1 + 1e-9)
        case .equal: return abs(simulated - awsFigure) <= tolerance + 1e-9
        }
    }

    /// The expected header of a sizing-example file.
    public static let columns = ["scenario", "metric", "aws_figure", "rule", "tolerance", "source"]

    /// Loads the examples in `path`, resolving scenario files against its folder.
    public static func load(path: String) throws(ObservationFile.FileError) -> [SizingExample] {
        let text: String
        do { text = try TextFile.read(path: path, kind: "sizing-example file") } catch { throw ObservationFile.FileError(description: error.description) }
        return try parse(text, file: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Parses sizing-example text; every problem is reported with its line.
    public static func parse(_ text: String, file: String, folder: String) throws(ObservationFile.FileError) -> [SizingExample] {
        var rows = CSVReader.rows(text)
        guard let header = rows.first, header.cells == columns else {
            throw ObservationFile.FileError(description: "\(file):1: expected the header \(columns.joined(separator: ","))")
        }
        rows.removeFirst()
        var examples: [SizingExample] = []
        var problems: [String] = []
        for (line, cells) in rows {
            guard cells.count == columns.count else {
                problems.append("\(file):\(line): expected \(columns.count) cells, found \(cells.count)")
                continue
            }
            guard let metric = SizingMetric(rawValue: cells[1]) else {
                problems.append("\(file):\(line): unknown metric \"\(cells[1])\"; expected one of \(SizingMetric.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let figure = Double(cells[2]), figure.isFinite, figure > 0 else {
                problems.append("\(file):\(line): AWS's figure \"\(cells[2])\" must be a positive number")
                continue
            }
            guard let rule = Rule(rawValue: cells[3]) else {
                problems.append("\(file):\(line): rule \"\(cells[3])\" must be at_most or equal")
                continue
            }
            let tolerance = cells[4].isEmpty ? 0 : Double(cells[4])
            guard let tolerance, tolerance >= 0, tolerance.isFinite, rule == .atMost || tolerance > 0 else {
                problems.append("\(file):\(line): tolerance \"\(cells[4])\" must be a positive number for rule equal, or empty")
                continue
            }
            let scenarioPath = cells[0].hasPrefix("/") ? cells[0] : folder + "/" + cells[0]
            examples.append(SizingExample(
                scenarioPath: scenarioPath, scenarioName: cells[0], metric: metric, awsFigure: figure,
                rule: rule, tolerance: tolerance, source: cells[5]))
        }
        if !problems.isEmpty { throw ObservationFile.FileError(description: problems.joined(separator: "\n")) }
        return examples
    }
}
