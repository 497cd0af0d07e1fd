import ESMScenarios
import ESMFormats
import Foundation

/// A sweep file, loaded: a base scenario and axes whose cartesian product are the points.
/// Points are numbered from 0 like nested loops, the last axis varying fastest.
public struct Sweep: Sendable {
    /// The sweep file.
    public let file: String
    /// The base scenario.
    let template: ScenarioTemplate
    /// The axes, in file order.
    public let axes: [SweepAxis]

    /// How many points the product has.
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The value of each axis at `point`.
    public func values(at point: Int) -> [JSONValue] {
        var rest = point
        var values: [JSONValue] = []
        for axis in axes.reversed() {
            values.append(axis.values[rest % axis.values.count])
            rest /= axis.values.count
        }
        return values.reversed()
    }

    /// The scenario at `point`, validated.
    public func scenario(at point: Int) throws(DiagnosticError) -> Scenario {
        try template.scenario(Array(zip(axes.map(\.field), values(at: point))).map { (field: $0.0, value: $0.1) })
    }

    /// The most points a sweep may have, so a typo in an axis cannot ask for years of runs.
    public static let maximumPoints = 1_000_000

    /// Loads and checks a sweep file: `{"scenario": PATH or {...}, "axes": {FIELD: [VALUES], ...}}`.
    public static func load(path: String) throws(DiagnosticError) -> Sweep {
        let root = try JSONDocument.read(path: path)
        let reader = FieldReader(file: path)
        guard let object = reader.object(root, "", allowed: ["description", "scenario", "axes"]) else { throw DiagnosticError(problems: reader.problems) }
        let template = ScenarioTemplate.read(object, key: "scenario", reader: reader)
        var axes: [SweepAxis] = []
        if let axesValue = object["axes"] {
            if axesValue["mode"] != nil {
                reader.report(axesValue["mode"], "axes.mode", "mode is a plan axis; a sweep varies ProvisionedPollerConfig fields (MinimumPollers, MaximumPollers) of a provisioned base")
            }
            axes = SweepAxis.read(axesValue, path: "axes", template: template, reserved: ["mode"], reader: reader)
            if axes.isEmpty && reader.problems.isEmpty { reader.report(axesValue, "axes", "give at least one axis") }
        } else {
            reader.report(object, "axes", "missing; give the fields to vary, e.g. {\"BatchSize\": [100, 500]}")
        }
        guard let template, reader.problems.isEmpty else { throw DiagnosticError(problems: reader.problems) }
        let sweep = Sweep(file: path, template: template, axes: axes)
        let count = axes.reduce(1.0) { $0 * Double($1.values.count) }
        if count > Double(maximumPoints) {
            reader.report(object["axes"], "axes", "the axes make \(FieldReader.format(count)) points; a sweep may have at most \(FieldReader.format(Double(maximumPoints)))")
            throw DiagnosticError(problems: reader.problems)
        }
        return sweep
    }
}
