import ESMFormats
import ESMModel
import Foundation

/// A validated scenario kept as its JSON, so sweeps and plans can change fields by name
/// and validate every variant with the scenario loader's own rules and messages.
public struct ScenarioTemplate: Sendable {
    /// The scenario's JSON.
    public let json: JSONValue
    /// The name a variant gets when the JSON has no `name` field.
    public let defaultName: String
    /// The file variants' problems are reported against: the sweep or plan file, whose
    /// positions the changed values carry.
    public let file: String
    /// The producer schedule decoded once, when it is long (`SharedProduction`).
    var shared: SharedProduction?

    /// A template of `json`, its variants' problems reported against `file`.
    init(json: JSONValue, defaultName: String, file: String) {
        self.json = json
        self.defaultName = defaultName
        self.file = file
        shared = SharedProduction(json, file: file)
    }

    /// One change: a field set to a value.
    public typealias Change = (field: ScenarioField, value: JSONValue)

    /// The scenario with `changes` applied; `provisioned` false removes
    /// `ProvisionedPollerConfig` (on-demand), true adds it when missing with AWS's default
    /// `MinimumPollers`, nil leaves the mode alone.
    public func scenario(_ changes: [Change], provisioned: Bool? = nil) throws(DiagnosticError) -> Scenario {
        let shared = shared.flatMap { SharedProduction.applies(to: changes) ? $0 : nil }
        var root = shared?.light ?? json
        let pollers = ScenarioField.pollerConfigPath[...]
        if provisioned == false {
            root = root.removing(pollers)
        } else if provisioned == true, root.value(at: pollers) == nil {
            let minimum = JSONValue(.number(Double(ESMSettings.ProvisionedPollers().minimum)))
            root = root.setting(pollers + [.key("MinimumPollers")], to: minimum) ?? root
        }
        for change in changes {
            guard let changed = root.setting(change.field.path[...], to: change.value) else {
                throw DiagnosticError(problems: [Diagnostic(
                    file: file, line: change.value.line, column: change.value.column, path: change.field.name,
                    message: "the base scenario has no place for this field (an array index past the end, or a value that is not an object)")])
            }
            root = changed
        }
        let reader = FieldReader(file: file)
        let scenario = ScenarioLoader.decode(root, reader: reader, defaultName: defaultName)
        if var scenario, reader.problems.isEmpty {
            if let shared { scenario.production = shared.production }
            return scenario
        }
        throw DiagnosticError(problems: reader.problems)
    }

    /// Reads the `key` member of a sweep or plan file: a scenario file's path (relative to
    /// that file's folder) or an inline scenario object. The base is validated on its own,
    /// so its problems point into its own file.
    public static func read(_ object: JSONValue, key: String, reader: FieldReader) -> ScenarioTemplate? {
        guard let value = object[key] else {
            reader.report(object, key, "missing; give a scenario file's path or an inline scenario")
            return nil
        }
        let folder = URL(fileURLWithPath: reader.file).deletingLastPathComponent()
        switch value.kind {
        case .string(let relative):
            let path = relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).path
            let text: String
            do {
                text = try TextFile.read(path: path, kind: "scenario")
            } catch {
                for problem in error.problems {
                    if problem.line > 0 { reader.add(problem) } else { reader.report(value, key, problem.message.replacingOccurrences(of: "cannot read the scenario", with: "cannot read the scenario \(path)")) }
                }
                return nil
            }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            do {
                _ = try ScenarioLoader.parse(text, file: path, defaultName: name)
                return ScenarioTemplate(json: try JSONParser.parse(text), defaultName: name, file: reader.file)
            } catch let error as DiagnosticError {
                for problem in error.problems { reader.add(problem) }
            } catch {
                reader.report(value, key, "cannot parse \(path)")
            }
            return nil
        case .object:
            let name = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
            let template = ScenarioTemplate(json: value, defaultName: name, file: reader.file)
            do {
                _ = try template.scenario([])
                return template
            } catch {
                for problem in error.problems { reader.add(problem) }
                return nil
            }
        default:
            reader.report(value, key, "expected a scenario file's path or an inline scenario object, found \(value.typeName)")
            return nil
        }
    }
}
