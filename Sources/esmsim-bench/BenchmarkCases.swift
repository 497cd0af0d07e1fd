import Dispatch
import ESMModel
import ESMBilling
import ESMScenarios
import ESMStudies
import EventEngine
import Foundation

/// The benchmark cases, each run inside a child process.
enum BenchmarkCases {
    static func run(named name: String, arguments: [String]) -> Measurement {
        let quick = arguments.contains("--quick")
        switch name {
        case "hold": return holdModel(events: quick ? 5_000_000 : 50_000_000)
        case "backlog": return backlog(compression: true)
        case "backlog-batch": return backlog(compression: false)
        case "shared": return sharedFunction()
        case "day": return steadyDay(seconds: quick ? 3_600 : 86_400)
        case "day-aligned": return steadyDay(seconds: quick ? 3_600 : 86_400, minimumPollers: 100)
        case "month": return minuteTraffic(days: quick ? 1 : 30)
        case "ensemble": return ensemble(members: 4)
        case "plan": return PlanBenchmark.run(hours: quick ? 6 : 7 * 24, exhaustive: false)
        case "plan-exhaustive": return PlanBenchmark.run(hours: quick ? 6 : 7 * 24, exhaustive: true)
        default:
            FileHandle.standardError.write(Data("unknown case \(name)\n".utf8))
            exit(2)
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// The classic hold model: 1,000 pending events; each event schedules its successor
    /// an exponential time later.
    static func holdModel(events: Int) -> Measurement {
        var queue = EventQueue<Int32>()
        var random = RandomStream(seed: 1)
        for index in 0..<1_000 { queue.schedule(Int32(index), at: SimTime(random.next() % 1_000_000)) }
        let start = DispatchTime.now()
        var checksum: Int64 = 0
        for _ in 0..<events {
            let (time, event) = queue.next()!
            checksum &+= time
            let delay = SimTime(-1_000_000 * log(random.nextOpenUnit()))
            queue.schedule(event, at: time + delay + 1)
        }
        let elapsed = seconds(since: start)
        return Measurement(name: "engine hold model (1,000 pending)", events: events, wallSeconds: elapsed, note: "checksum \(checksum % 1_000)")
    }

    static func scenario(_ json: String, name: String) -> Scenario {
        do { return try ScenarioLoader.parse(json, file: name, defaultName: name) } catch {
            fatalError("benchmark scenario \(name) is invalid: \(error)")
        }
    }

    static func timedRun(_ scenario: Scenario, label: String, compression: Bool = true) -> Measurement {
        let profile = try! ProfileStore.load(Scenario.defaultProfileName)
        var options = ScenarioRunner.Options()
        options.compression = compression
        // The bench times runs whatever their size: no event budget stops them.
        options.limits.maximumEvents = .infinity
        let start = DispatchTime.now()
        let result = ScenarioRunner.run(scenario, profile: profile, options: options)
        let elapsed = seconds(since: start)
        return Measurement(name: label, events: result.summary.simulatedEvents, wallSeconds: elapsed,
                           note: "\(result.summary.recordsProcessed) records, \(result.summary.compressedSteps) compressed steps\(result.summary.drained ? "" : ", NOT drained")\(result.summary.eventBudgetSpentAt == nil ? "" : ", STOPPED at its event budget")")
    }

    /// The 20M backlog in provisioned mode with MinimumPollers 1, in process, compressed
    /// or batch by batch (`--no-compression`).
    static func backlog(compression: Bool) -> Measurement {
        let path = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Scenarios/provisioned-blog-min1.json").path
        let scenario = try! ScenarioLoader.load(path: path)
        let way = compression ? "compressed" : "batch by batch"
        return timedRun(scenario, label: "20M backlog, provisioned-blog-min1 (in process, \(way))", compression: compression)
    }

    /// The 20M backlog split over four ESMs on one function (5M records over 25 partitions
    /// each, provisioned, one poller group, reserved concurrency 80): the co-simulation's
    /// cost per event next to the backlog case's.
    static func sharedFunction() -> Measurement {
        let element = { (name: String) in
            #"{"name": "\#(name)", "topic": {"partitions": 25, "recordSizeBytes": 1024, "backlogRecords": 5000000}, "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1, "PollerGroupName": "g"}}}"#
        }
        let json = #"{"description": "benchmark: four ESMs on one function", "function": {"durationMs": 100, "memoryMB": 1024, "reservedConcurrency": 80}, "eventSourceMappings": ["#
            + ["a", "b", "c", "d"].map(element).joined(separator: ",") + "]}"
        return timedRun(scenario(json, name: "shared-function"), label: "20M backlog over 4 ESMs sharing one function (in process)")
    }

    /// A day of steady traffic: 50,000 records/s over 100 partitions (4.32 billion records),
    /// from 20 pollers (five partitions each, whose batch loops drift against each other)
    /// or from 100 (one each, all in step, so the whole state repeats and compresses).
    static func steadyDay(seconds: Int, minimumPollers: Int = 20) -> Measurement {
        let json = """
        {"description": "benchmark: steady traffic", "topic": {"partitions": 100, "recordSizeBytes": 200},
         "producer": {"recordsPerSecond": 50000, "durationSeconds": \(seconds)}, "horizonSeconds": \(seconds + 3_600),
         "function": {"durationMs": 20},
         "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": \(minimumPollers), "MaximumPollers": 100}}}
        """
        let hours = seconds / 3_600
        let label = "\(hours) h of 50,000 records/s over 100 partitions"
        return timedRun(scenario(json, name: "steady-day"), label: minimumPollers == 20 ? label : "\(label), \(minimumPollers) pollers")
    }

    /// Minute-by-minute traffic over `days` days (43,200 schedule pieces for 30): a daily
    /// swing between about 1,000 and 9,000 records/s with a deterministic jitter per minute.
    static func minuteTraffic(days: Int) -> Measurement {
        let json = minuteTrafficScenario(minutes: days * 1_440, description: "benchmark: \(days) days of minute-by-minute traffic")
        return timedRun(scenario(json, name: "minute-traffic"), label: "\(days) days of minute traffic (\(days * 1_440) pieces)")
    }

    /// The scenario of `minuteTraffic` over its first `minutes`, as JSON: 100 partitions,
    /// 20 ms per batch, provisioned with 20 to 100 pollers, and an hour after the traffic to drain.
    static func minuteTrafficScenario(minutes: Int, description: String) -> String {
        var jitter = RandomStream(seed: 30)
        var pieces: [String] = []
        pieces.reserveCapacity(minutes)
        for minute in 0..<minutes {
            let phase = Double(minute % 1_440) / 1_440 * 2 * Double.pi
            let rate = 5_000 - 4_000 * cos(phase) + 500 * (jitter.nextUnit() - 0.5)
            pieces.append(#"{"startSeconds": \#(minute * 60), "durationSeconds": 60, "recordsPerSecond": \#(Int(rate))}"#)
        }
        return """
        {"description": "\(description)", "topic": {"partitions": 100, "recordSizeBytes": 200},
         "producer": {"schedule": [\(pieces.joined(separator: ","))]}, "horizonSeconds": \(minutes * 60 + 3_600),
         "function": {"durationMs": 20},
         "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 20, "MaximumPollers": 100}}}
        """
    }

    /// The 20M backlog under an ensemble of `members` profiles (aws-2024 with different
    /// rebalance pauses), on all cores: it counts the simulations the ensemble ran (one per
    /// member) and compares its wall time with one plain run's.
    static func ensemble(members: Int) -> Measurement {
        let path = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Scenarios/provisioned-blog-min1.json").path
        let scenario = try! ScenarioLoader.load(path: path)
        let base = try! ProfileStore.load(Scenario.defaultProfileName)
        let set = ProfileSet(name: "bench", description: "aws-2024 with rebalance pauses 0, 30, 60, 95 s...", members: (0..<members).map { index in
            var profile = base
            profile.name = "pause-\(index)"
            profile.rebalancePauseSeconds = [0, 30, 60, 95][index % 4] + Double(index / 4)
            return ProfileSet.Member(name: profile.name, profile: profile)
        })
        let loaded = try! PriceList.load(path: nil)
        let pricing = Pricing(prices: try! loaded.list.prices(for: PriceList.defaultRegion, file: loaded.file), freeTier: false)
        let single = DispatchTime.now()
        _ = ScenarioRunner.run(scenario, profile: base, options: .init())
        let singleSeconds = seconds(since: single)
        let counter = SimulationCounter()
        let start = DispatchTime.now()
        let run = EnsembleRun(scenario, set: set, options: .init(), pricing: pricing) { scenario, profile, options in
            counter.add()
            return ScenarioRunner.run(scenario, profile: profile, options: options)
        }
        let elapsed = seconds(since: start)
        let events = run.results.reduce(0) { $0 + $1.summary.simulatedEvents }
        return Measurement(name: "20M backlog, ensemble of \(members) members (in process)", events: events, wallSeconds: elapsed,
                           note: "\(counter.value) simulations for \(members) members; \(String(format: "%.2f", elapsed / singleSeconds))x one run's time")
    }
}

/// Simulations counted across the workers of an ensemble.
final class SimulationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
