import ESMScenarios
import ESMFormats
/// What a capacity plan must achieve. Every given limit must hold, and the run must drain
/// within its horizon (a configuration that never catches up meets no target).
public struct PlanTarget: Sendable {
    /// Drain the backlog (and any traffic) within this many seconds.
    public var maxDrainSeconds: Double?
    /// Keep the peak offset lag at or below this many records.
    public var maxPeakOffsetLag: Double?
    /// Keep the 99th-percentile record age (production to processing) at or below this many seconds.
    public var maxRecordAgeP99Seconds: Double?

    /// The target's keys in a plan file.
    static let keys = ["maxDrainSeconds", "maxPeakOffsetLag", "maxRecordAgeP99Seconds"]

    /// Each limit with the summary column it bounds and its unit.
    var limits: [(column: String, limit: Double, label: String, unit: String)] {
        var limits: [(String, Double, String, String)] = []
        if let maxDrainSeconds { limits.append((SummaryRecord.drainTime, maxDrainSeconds, "drain time", " s")) }
        if let maxPeakOffsetLag { limits.append((SummaryRecord.peakOffsetLag, maxPeakOffsetLag, "peak offset lag", " records")) }
        if let maxRecordAgeP99Seconds { limits.append((SummaryRecord.recordAgeP99, maxRecordAgeP99Seconds, "p99 record age", " s")) }
        return limits
    }

    /// The limits a run misses, in words; empty when it meets the target.
    func misses(_ record: SummaryRecord) -> [String] {
        guard record.number(SummaryRecord.drainTime) != nil else { return ["did not drain within the horizon"] }
        return limits.compactMap { limit in
            guard let value = record.number(limit.column), value > limit.limit else { return nil }
            return "\(limit.label) \(CSVFormat.decimal(value, places: 1))\(limit.unit) > \(CSVFormat.decimal(limit.limit, places: 1))"
        }
    }

    /// How far a run is from the target: the largest relative excess over a limit (0 when
    /// met); runs that never drained rank after every run that did.
    func shortfall(_ record: SummaryRecord) -> Double {
        guard record.number(SummaryRecord.drainTime) != nil else { return .infinity }
        return limits.map { limit in max(0, (record.number(limit.column) ?? .infinity) / limit.limit - 1) }.max() ?? 0
    }

    /// `drain time <= 600 s, p99 record age <= 5 s`.
    public var description: String {
        limits.map { "\($0.label) <= \(CSVFormat.decimal($0.limit, places: 3))\($0.unit)" }.joined(separator: ", ")
    }

    /// Reads the `target` object of a plan file.
    static func read(_ value: JSONValue, reader: FieldReader) -> PlanTarget? {
        guard let object = reader.object(value, "target", allowed: keys) else { return nil }
        let target = PlanTarget(
            maxDrainSeconds: reader.number(object, "target", "maxDrainSeconds", range: 0.001...1e12),
            maxPeakOffsetLag: reader.number(object, "target", "maxPeakOffsetLag", range: 1...1e15),
            maxRecordAgeP99Seconds: reader.number(object, "target", "maxRecordAgeP99Seconds", range: 0.001...1e12))
        if keys.allSatisfy({ object[$0] == nil }) {
            reader.report(object, "target", "give at least one of \(keys.joined(separator: ", "))")
        }
        return target
    }
}
