import ESMStudies
import Foundation

/// A sweep of many points run by `esmsim sweep` itself, pinned to chosen cores with
/// taskset, so "1 core against 2" measures the real command, process and all.
enum SweepBenchmark {
    /// Writes a sweep of `points` points (a 2M-record backlog; BatchSize x MinimumPollers x
    /// duration), runs it on `cores` (a taskset list such as "0" or "0,1"), and returns its
    /// wall time with the events its runs simulated.
    static func run(esmsim: String, points: Int, cores: String) -> Measurement? {
        let folder = NSTemporaryDirectory() + "esmsim-bench-sweep"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = """
        {"description": "benchmark sweep base: a 2M-record backlog over 20 partitions",
         "topic": {"partitions": 20, "backlogRecords": 2000000},
         "function": {"durationMs": 20},
         "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1, "MaximumPollers": 20}}}
        """
        let perAxis = points >= 1_000 ? 10 : 5
        let batchSizes = (1...perAxis).map { String(50 * $0) }.joined(separator: ", ")
        let minimums = (1...perAxis).map { String(2 * $0) }.joined(separator: ", ")
        let durations = (1...(points / (perAxis * perAxis))).map { String(10 * $0) }.joined(separator: ", ")
        let sweep = """
        {"description": "benchmark sweep", "scenario": "base.json",
         "axes": {"BatchSize": [\(batchSizes)], "MinimumPollers": [\(minimums)], "durationMs": [\(durations)]}}
        """
        do {
            try base.write(toFile: folder + "/base.json", atomically: true, encoding: .utf8)
            try sweep.write(toFile: folder + "/sweep.json", atomically: true, encoding: .utf8)
        } catch {
            return nil
        }
        let out = folder + "/out-" + cores.replacingOccurrences(of: ",", with: "-")
        guard let (_, peak, seconds) = ChildProcess.run("/usr/bin/taskset", ["-c", cores, esmsim, "sweep", folder + "/sweep.json", "--out", out]),
              let csv = try? String(contentsOfFile: out + "/sweep.csv", encoding: .utf8) else { return nil }
        let lines = csv.split(separator: "\n")
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false),
              let column = header.firstIndex(of: "simulated_events") else { return nil }
        let events = lines.dropFirst().reduce(0) { total, line in
            total + (Int(line.split(separator: ",", omittingEmptySubsequences: false)[column]) ?? 0)
        }
        let count = cores.split(separator: ",").count
        var measurement = Measurement(name: "\(lines.count - 1)-point esmsim sweep on \(count) core\(count == 1 ? "" : "s")", events: events, wallSeconds: seconds)
        measurement.peakMemoryKB = peak
        return measurement
    }
}
