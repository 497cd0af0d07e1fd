import ESMScenarios
import ESMFormats
import ESMModel

/// A plan file, loaded: a workload, a target, and a search space of ESM settings.
///
/// ```json
/// {"workload": "../provisioned-blog-min10.json",
///  "target": {"maxDrainSeconds": 600},
///  "space": {"mode": ["on-demand", "provisioned"], "MinimumPollers": [1, 10, 50],
///            "BatchSize": [100, 500], "memoryMB": [512, 1024]}}
/// ```
public struct CapacityPlan: Sendable {
    /// The plan file.
    public let file: String
    /// The workload (a `var` so tests can turn its shared schedule off).
    var template: ScenarioTemplate
    /// The target.
    public let target: PlanTarget
    /// Modes to consider: false on-demand, true provisioned (the workload's when not given).
    public let modes: [Bool]
    /// `MinimumPollers` values, ascending; nil: the workload's.
    let minimumPollers: SweepAxis?
    /// `MaximumPollers` values, ascending; nil: the workload's.
    let maximumPollers: SweepAxis?
    /// Axes that are enumerated in full: `BatchSize`, `MaximumBatchingWindowInSeconds`, `partitions`.
    let enumerated: [SweepAxis]
    /// `memoryMB` values; nil: the workload's.
    let memory: SweepAxis?
    /// How many configurations the tables show.
    public let show: Int

    /// The fields a plan's space may vary, besides `mode`.
    static let spaceFields = ["MinimumPollers", "MaximumPollers", "BatchSize", "MaximumBatchingWindowInSeconds", "memoryMB", "partitions"]

    /// Loads and checks a plan file; every value of the space is validated against the
    /// workload, after the space's size is checked against `limits`.
    public static func load(path: String, limits: StudyLimits = .standard) throws(DiagnosticError) -> CapacityPlan {
        let root = try JSONDocument.read(path: path)
        let reader = FieldReader(file: path)
        guard let object = reader.object(root, "", allowed: ["description", "workload", "target", "space", "show"]) else { throw DiagnosticError(problems: reader.problems) }
        let template = ScenarioTemplate.read(object, key: "workload", reader: reader)
        var target: PlanTarget?
        if let value = object["target"] {
            target = PlanTarget.read(value, reader: reader)
        } else {
            reader.report(object, "target", "missing; give maxDrainSeconds, maxPeakOffsetLag or maxRecordAgeP99Seconds")
        }
        let show = Int(reader.integer(object, "", "show", range: 1...1_000) ?? 5)
        var axes: [SweepAxis] = []
        var modes: [Bool] = []
        if let space = object["space"] {
            if let spaceObject = reader.object(space, "space", allowed: ["mode"] + spaceFields) {
                axes = SweepAxis.read(spaceObject, path: "space", template: template, reserved: ["mode"], reader: reader)
                if let modeValue = spaceObject["mode"], let values = SweepAxis.readValues(modeValue, "space.mode", reader: reader) {
                    for value in values {
                        guard case .string(let name) = value.kind, ["on-demand", "provisioned"].contains(name) else {
                            reader.report(value, "space.mode", "expected \"on-demand\" or \"provisioned\", found \(value.compactJSON)")
                            continue
                        }
                        modes.append(name == "provisioned")
                    }
                }
            }
        } else {
            reader.report(object, "space", "missing; give the settings to search, e.g. {\"MinimumPollers\": [1, 10, 50]}")
        }
        guard let template, let target, reader.problems.isEmpty else { throw DiagnosticError(problems: reader.problems) }
        let workload = try template.scenario([])
        // Poller axes are searched in ascending order: more pollers never hurt.
        let ascending: (String) -> SweepAxis? = { name in
            axes.first { $0.field.name == name }.map { SweepAxis(field: $0.field, values: $0.values.sorted { ($0.number ?? 0) < ($1.number ?? 0) }) }
        }
        let plan = CapacityPlan(
            file: path, template: template, target: target,
            modes: modes.isEmpty ? [workload.settings.isProvisioned] : modes,
            minimumPollers: ascending("MinimumPollers"), maximumPollers: ascending("MaximumPollers"),
            enumerated: axes.filter { ["BatchSize", "MaximumBatchingWindowInSeconds", "partitions"].contains($0.field.name) },
            memory: axes.first { $0.field.name == "memoryMB" }, show: show)
        try plan.checkConfigurations(limits: limits)
        // Each value alone must make a valid scenario, so the search cannot fail halfway.
        var problems: [Diagnostic] = []
        for axis in axes {
            for value in axis.values {
                do { _ = try template.scenario(Self.alone(axis.field, value, base: template.json), provisioned: axis.field.name.hasSuffix("Pollers") ? true : nil) } catch { problems += error.problems }
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return plan
    }
}

extension CapacityPlan {
    /// The changes that try `value` of `field` on its own: a poller bound comes with a
    /// partner that cannot conflict with it (`MaximumPollers` equal to a minimum, the API's
    /// lowest `MinimumPollers` under a maximum), so only the value's own range is checked.
    static func alone(_ field: ScenarioField, _ value: JSONValue, base: JSONValue) -> [ScenarioTemplate.Change] {
        let partner: (String, JSONValue)? = switch field.name {
        case "MinimumPollers": ("MaximumPollers", value)
        case "MaximumPollers": ("MinimumPollers", JSONValue(.number(Double(ESMSettings.ProvisionedPollers().minimum))))
        default: nil
        }
        guard let partner, case .success(let other) = ScenarioField.resolve(partner.0, base: base) else { return [(field, value)] }
        return [(field, value), (other, partner.1)]
    }
}
