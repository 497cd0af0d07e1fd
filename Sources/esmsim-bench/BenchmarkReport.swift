import ESMStudies
import ESMFormats
import ESMScenarios
import Foundation

/// Runs every case in a child process, adds the whole-process comparison with SimPy,
/// and prints the table.
enum BenchmarkReport {
    static func main(_ arguments: [String]) -> Int32 {
        let quick = arguments.contains("--quick")
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let esmsim = value(after: "--esmsim", in: arguments) ?? me.deletingLastPathComponent().appendingPathComponent("esmsim").path
        let simpy = value(after: "--simpy", in: arguments) ?? "Scripts/peers/simpy_esm.py"

        var rows: [Measurement] = []
        let allCases = ["hold", "backlog", "backlog-batch", "shared", "day", "day-aligned", "month", "ensemble", "plan"]
        let chosen = value(after: "--cases", in: arguments).map { $0.split(separator: ",").map(String.init) } ?? allCases
        for name in allCases where chosen.contains(name) {
            var childArguments = ["--case", name]
            // The plan over a week takes hours until steady traffic is compressed: 6 h unless asked.
            if quick || (name == "plan" && !arguments.contains("--plan-week")) { childArguments.append("--quick") }
            guard let (output, peak, _) = ChildProcess.run(me.path, childArguments),
                  let line = output.split(separator: "\n").last, var measurement = Measurement(serialized: String(line)) else {
                print("case \(name) failed")
                return 1
            }
            measurement.peakMemoryKB = peak
            rows.append(measurement)
        }
        let points = quick ? 100 : 1_000
        for cores in ["0", "0,1"] where chosen.contains("sweep") || chosen == allCases {
            if let sweep = SweepBenchmark.run(esmsim: esmsim, points: points, cores: cores) { rows.append(sweep) }
        }
        print(table(rows))

        let scenario = "Scenarios/provisioned-blog-min1.json"
        let ours = best(of: 5) { ChildProcess.run(esmsim, ["run", scenario, "--out", NSTemporaryDirectory() + "esmsim-bench"]) }
        let peer = best(of: 5) { ChildProcess.run("/usr/bin/env", ["python3", simpy, "--quiet"]) }
        print("")
        print("20M backlog, whole process (best of 5):")
        if let ours { print("  esmsim run \(scenario): \(format(ours.seconds)) s, peak \(ours.peakKB / 1_024) MB") }
        if let peer { print("  python3 simpy_esm.py (SimPy peer):       \(format(peer.seconds)) s, peak \(peer.peakKB / 1_024) MB") }
        if let ours, let peer {
            print("  ratio: esmsim is \(String(format: "%.1f", peer.seconds / ours.seconds))x faster (target: 20x)")
            print("")
            print("against SimPy's 20M backlog (\(format(peer.seconds)) s), in this run:")
            for (suffix, target) in [("records/s over 100 partitions", 1.0), ("100 pollers", 1.0), ("pieces)", 3.0)] {
                guard let row = rows.first(where: { $0.name.hasSuffix(suffix) }) else { continue }
                let ratio = row.wallSeconds / peer.seconds
                print("  \(row.name): \(String(format: "%.1f", ratio))x SimPy's time (target: at most \(String(format: "%.0f", target))x)")
            }
        } else {
            print("  comparison skipped: \(peer == nil ? "the SimPy peer did not run (pip install simpy; --simpy PATH)" : "esmsim did not run (--esmsim PATH)")")
        }
        if let plan = rows.first(where: { $0.name.hasPrefix("plan,") }) {
            print("")
            print("\(plan.name): \(format(plan.wallSeconds)) s on \(ProcessInfo.processInfo.activeProcessorCount) cores (target for a week: at most 60 s on 2); \(plan.note)")
        }
        if let one = rows.first(where: { $0.name.hasSuffix("1 core") }), let two = rows.first(where: { $0.name.hasSuffix("2 cores") }) {
            print("")
            print("sweep speed-up on 2 cores: \(String(format: "%.2f", one.wallSeconds / two.wallSeconds))x")
        }
        return 0
    }

    static func value(after flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    static func best(of count: Int, _ run: () -> (String, Int, Double)?) -> (seconds: Double, peakKB: Int)? {
        var best: (Double, Int)?
        for _ in 0..<count {
            guard let (_, peak, seconds) = run() else { return nil }
            if best == nil || seconds < best!.0 { best = (seconds, peak) }
        }
        return best
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    static func table(_ rows: [Measurement]) -> String {
        var lines = [
            "| case | simulated events | wall time (s) | events/s | peak memory (MB) |",
            "|---|---:|---:|---:|---:|",
        ]
        for row in rows {
            lines.append("| \(row.name) | \(grouped(row.events)) | \(format(row.wallSeconds)) | \(grouped(Int(row.eventsPerSecond))) | \(String(format: "%.1f", Double(row.peakMemoryKB) / 1_024)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func grouped(_ value: Int) -> String { CSVFormat.grouped(Int64(value)) }
}
