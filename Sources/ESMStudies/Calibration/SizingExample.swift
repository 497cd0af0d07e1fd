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

    /// Loads the examples in `path`, resolving scenario files against its folder; a
    /// scenario file that does not exist is reported at its row.
    public static func load(path: String) throws(DiagnosticError) -> [SizingExample] {
        let text = try TextFile.read(path: path, kind: "sizing-example file")
        return try parse(text, file: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path, checkScenarioFiles: true)
    }

    /// Parses sizing-example text; every problem is reported at its line, column and column name.
    public static func parse(_ text: String, file: String, folder: String, checkScenarioFiles: Bool = false) throws(DiagnosticError) -> [SizingExample] {
        var table = try CSVTable(text, file: file, columns: columns, kind: "sizing-example file")
        var examples: [SizingExample] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let scenario = table.cell(row, "scenario")
            guard !scenario.isEmpty else {
                table.report(row, "scenario", "missing; name the scenario file that reproduces the example")
                continue
            }
            let scenarioPath = scenario.hasPrefix("/") ? scenario : folder + "/" + scenario
            if checkScenarioFiles, let obstacle = TextFile.obstacle(to: scenarioPath) {
                table.report(row, "scenario", "cannot read the scenario file \(scenarioPath): \(obstacle)")
                continue
            }
            let metricName = table.cell(row, "metric")
            guard let metric = SizingMetric(rawValue: metricName) else {
                let names = SizingMetric.allCases.map(\.rawValue)
                let suggestion = SpellingSuggestion.closest(to: metricName, in: names).map { " (did you mean \($0)?)" } ?? ""
                table.report(row, "metric", "unknown metric \"\(metricName)\"\(suggestion); expected one of \(names.joined(separator: ", "))")
                continue
            }
            if let first = seen[scenarioPath + "\u{0}" + metricName] {
                table.report(row, "metric", "\(metricName) of \(scenario) appears twice (also at line \(first)); keep one row")
                continue
            }
            seen[scenarioPath + "\u{0}" + metricName] = row.line
            guard let figure = table.number(row, "aws_figure", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude,
                                            meaning: "AWS's figure, a positive number") else { continue }
            let ruleName = table.cell(row, "rule")
            guard let rule = Rule(rawValue: ruleName) else {
                table.report(row, "rule", "\"\(ruleName)\" must be at_most or equal")
                continue
            }
            guard let tolerance = rule == .equal
                ? table.number(row, "tolerance", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude, meaning: "a positive number for rule equal")
                : table.number(row, "tolerance", in: 0...Double.greatestFiniteMagnitude, empty: 0, meaning: "0 or more, or empty, for rule at_most")
            else { continue }
            examples.append(SizingExample(
                scenarioPath: scenarioPath, scenarioName: scenario, metric: metric, awsFigure: figure,
                rule: rule, tolerance: tolerance, source: table.cell(row, "source")))
        }
        try table.finish()
        return examples
    }
}
