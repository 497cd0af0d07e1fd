import ESMFormats

/// A function's measured duration at several memory sizes (`function.durationByMemory`),
/// so a plan can trade memory against duration and cost: Lambda gives CPU in proportion
/// to memory, so a CPU-bound function runs faster with more.
///
/// Between two measured sizes the duration is interpolated linearly in memory; outside
/// the measured range nothing is extrapolated (the size is refused).
public struct DurationByMemory: Equatable, Sendable {
    /// One measurement.
    public struct Entry: Equatable, Sendable {
        /// Memory, MB.
        public var memoryMB: Int
        /// Mean duration at that memory, ms.
        public var durationMs: Double

        public init(memoryMB: Int, durationMs: Double) {
            self.memoryMB = memoryMB
            self.durationMs = durationMs
        }
    }

    /// The measurements, by ascending memory, one per size.
    public var entries: [Entry]

    /// A table of measurements, sorted by memory.
    public init(entries: [Entry]) { self.entries = entries.sorted { $0.memoryMB < $1.memoryMB } }

    /// The duration at `memoryMB`, interpolated; nil outside the measured range.
    public func durationMs(at memoryMB: Int) -> Double? {
        guard let first = entries.first, let last = entries.last, memoryMB >= first.memoryMB, memoryMB <= last.memoryMB else { return nil }
        if let exact = entries.first(where: { $0.memoryMB == memoryMB }) { return exact.durationMs }
        let upper = entries.firstIndex { $0.memoryMB > memoryMB }!
        let (low, high) = (entries[upper - 1], entries[upper])
        let share = Double(memoryMB - low.memoryMB) / Double(high.memoryMB - low.memoryMB)
        return low.durationMs + (high.durationMs - low.durationMs) * share
    }

    /// The measured range, for messages.
    public var rangeText: String {
        "\(entries.first?.memoryMB ?? 0)...\(entries.last?.memoryMB ?? 0) MB"
    }

    /// Reads the scenario field: an array of `{"memoryMB": M, "durationMs": D}`.
    static func read(_ value: JSONValue, _ path: String, reader: FieldReader, maximumDurationMs: Double) -> DurationByMemory? {
        guard case .array(let elements) = value.kind, !elements.isEmpty else {
            reader.report(value, path, "expected a non-empty array of {memoryMB, durationMs}, found \(value.typeName)")
            return nil
        }
        var entries: [Entry] = []
        var positions: [Int: JSONValue] = [:]
        for (offset, element) in elements.enumerated() {
            let entryPath = "\(path)[\(offset)]"
            guard let object = reader.object(element, entryPath, allowed: ["memoryMB", "durationMs"]) else { continue }
            for key in ["memoryMB", "durationMs"] where object[key] == nil { reader.report(object, "\(entryPath).\(key)", "missing") }
            guard let memory = reader.integer(object, entryPath, "memoryMB", range: FieldRanges.memoryMB),
                  let duration = reader.number(object, entryPath, "durationMs", range: 0.001...maximumDurationMs) else { continue }
            if let earlier = positions[Int(memory)] {
                reader.report(object["memoryMB"], "\(entryPath).memoryMB", "\(memory) MB is measured twice (also at line \(earlier.line))")
                continue
            }
            positions[Int(memory)] = element
            entries.append(Entry(memoryMB: Int(memory), durationMs: duration))
        }
        return entries.isEmpty ? nil : DurationByMemory(entries: entries)
    }
}
