import ESMFormats
import Foundation

/// Reads a function's duration by memory from the output of AWS Lambda Power Tuning
/// (`{"results": {"stats": [{"value": MB, "averageDuration": ms, "averagePrice": USD}]}}`,
/// or the `results` object alone) or from CSV with the header `memoryMB,durationMs`.
public enum PowerTuningReader {
    /// Reads the file at `path`.
    public static func read(path: String) throws(DiagnosticError) -> DurationByMemory {
        try parse(try TextFile.read(path: path, kind: "duration table"), file: path)
    }

    /// Parses Power Tuning JSON (text starting with `{`) or a CSV table.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> DurationByMemory {
        if JSONDocument.looksLikeJSON(text) { return try parsePowerTuning(text, file: file) }
        return try parseCSV(text, file: file)
    }

    static func parsePowerTuning(_ text: String, file: String) throws(DiagnosticError) -> DurationByMemory {
        try JSONDocument.decode(text, file: file) { root, reader -> DurationByMemory? in
            guard root.members != nil else {
                reader.report(root, "", "expected the output of AWS Lambda Power Tuning ({\"results\": {\"stats\": [...]}}), found \(root.typeName)")
                return nil
            }
            var results = root
            var path = ""
            if let inner = root["results"] {
                guard inner.members != nil else {
                    reader.report(inner, "results", "expected an object, found \(inner.typeName)")
                    return nil
                }
                results = inner
                path = "results"
            }
            guard let stats = results["stats"] else {
                reader.report(results, FieldReader.join(path, "stats"), "missing; Power Tuning lists each memory size's averageDuration under results.stats")
                return nil
            }
            let statsPath = FieldReader.join(path, "stats")
            guard case .array(let elements) = stats.kind, !elements.isEmpty else {
                reader.report(stats, statsPath, "expected a non-empty array of {value, averagePrice, averageDuration}, found \(stats.typeName)")
                return nil
            }
            var entries: [DurationByMemory.Entry] = []
            var seen: [Int: Int] = [:]
            for (offset, element) in elements.enumerated() {
                let entryPath = "\(statsPath)[\(offset)]"
                guard let object = reader.object(element, entryPath, allowed: ["value", "averagePrice", "averageDuration", "totalCost"]) else { continue }
                for key in ["value", "averageDuration"] where object[key] == nil { reader.report(object, "\(entryPath).\(key)", "missing") }
                guard let memory = reader.integer(object, entryPath, "value", range: FieldRanges.memoryMB),
                      let duration = reader.number(object, entryPath, "averageDuration", range: 0...840_000) else { continue }
                _ = reader.number(object, entryPath, "averagePrice", range: 0...1e6)
                if duration <= 0 {
                    reader.report(object["averageDuration"], "\(entryPath).averageDuration", "0 ms: a duration must be positive (is this averageDuration in seconds?)")
                    continue
                }
                if let line = seen[Int(memory)] {
                    reader.report(object["value"], "\(entryPath).value", "\(memory) MB appears twice (also at line \(line))")
                    continue
                }
                seen[Int(memory)] = object.line
                entries.append(.init(memoryMB: Int(memory), durationMs: duration))
            }
            return DurationByMemory(entries: entries)
        }
    }

    /// `memoryMB,durationMs` CSV, the header required.
    static func parseCSV(_ text: String, file: String) throws(DiagnosticError) -> DurationByMemory {
        let rows = CSVReader.rows(text)
        let header = rows.first?.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header == ["memoryMB", "durationMs"] else {
            throw DiagnosticError(Diagnostic(file: file, line: rows.first?.line ?? 0, column: rows.isEmpty ? 0 : 1, path: "",
                message: "expected the header memoryMB,durationMs (or the JSON output of AWS Lambda Power Tuning)"))
        }
        var problems: [Diagnostic] = []
        var entries: [DurationByMemory.Entry] = []
        var seen: [Int: Int] = [:]
        for row in rows.dropFirst() {
            let cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "", message: "expected 2 cells (memoryMB,durationMs), found \(cells.count)"))
                continue
            }
            guard let memory = Int(cells[0]), (128...10_240).contains(memory) else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "memoryMB", message: "\"\(cells[0])\" is not a whole number of MB in 128...10240"))
                continue
            }
            guard let duration = Double(cells[1]), duration > 0, duration <= 840_000 else {
                problems.append(Diagnostic(file: file, line: row.line, column: row.column(1), path: "durationMs", message: "\"\(cells[1])\" is not a duration in milliseconds in (0, 840000]"))
                continue
            }
            if let line = seen[memory] {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "memoryMB", message: "\(memory) MB appears twice (also at line \(line))"))
                continue
            }
            seen[memory] = row.line
            entries.append(.init(memoryMB: memory, durationMs: duration))
        }
        if entries.isEmpty && problems.isEmpty { problems.append(Diagnostic(file: file, message: "no rows under the header")) }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return DurationByMemory(entries: entries)
    }
}
