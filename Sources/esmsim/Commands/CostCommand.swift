import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import Foundation

/// `esmsim cost`: a monthly estimate for a steady workload, worked out without simulating.
enum CostCommand {
    static let usage = """
    USAGE: esmsim cost --records-per-second R --partitions N --duration-ms MS [options]

    Estimates what a steady workload costs over a month (or --days) analytically, with the
    same profile constants and EPU packing rule a simulation uses. Provisioned mode holds
    --pollers pollers per ESM (MinimumPollers = MaximumPollers); without --pollers the ESM
    is on-demand and has no EPU charge.

    OPTIONS:
      --records-per-second R  records produced per second, per ESM (required)
      --partitions N          topic partitions (required)
      --duration-ms MS        function duration per invocation (required; billed rounded up to the ms)
      --record-size BYTES     bytes per record (default: 1024)
      --memory MB             function memory, 128...10240 (default: 128)
      --architecture ARCH     x86_64 or arm64 (default: x86_64)
      --batch-size N          BatchSize, 1...10000 (default: 100)
      --window S              MaximumBatchingWindowInSeconds, 0...300 (default: 0.5, Kafka's default)
      --pollers N             provisioned mode with N steady pollers per ESM, 1...2000
      --esms N                identical ESMs running this workload, 1...100 (default: 1)
      --grouped               the ESMs share one poller group's EPUs (needs --pollers)
      --days D                days priced, 1...31 (default: 30)
      --profile NAME|FILE     behaviour profile (default: aws-2024)
    \(PriceOptions.usage)
      -h, --help              show this help
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: ["grouped", "free-tier"], usage: usage) else { return .success }
        guard let rate = try OptionRange.check(try arguments.positiveNumber("records-per-second"), "records-per-second", FieldRanges.recordsPerSecond) else { throw UsageError("esmsim cost needs --records-per-second\n\n\(usage)") }
        guard let partitions = try arguments.integer("partitions", in: 1...1_000_000) else { throw UsageError("esmsim cost needs --partitions\n\n\(usage)") }
        guard let duration = try OptionRange.check(try arguments.positiveNumber("duration-ms"), "duration-ms", FieldRanges.durationMs) else { throw UsageError("esmsim cost needs --duration-ms\n\n\(usage)") }
        let size = try OptionRange.check(try arguments.positiveNumber("record-size"), "record-size", FieldRanges.recordSizeBytes) ?? 1_024
        let memory = try arguments.integer("memory", in: 128...10_240) ?? 128
        let architectureName = arguments.value("architecture") ?? FunctionSpec.Architecture.x86_64.rawValue
        guard let architecture = FunctionSpec.Architecture(rawValue: architectureName) else {
            throw UsageError("--architecture must be x86_64 or arm64, not \"\(architectureName)\"")
        }
        let batchSize = try arguments.integer("batch-size", in: 1...10_000) ?? 100
        let window = try arguments.integer("window", in: 0...300).map(Double.init) ?? 0.5
        let pollers = try arguments.integer("pollers", in: 1...2_000).map { Int($0) }
        let mappings = try arguments.integer("esms", in: 1...100) ?? 1
        let grouped = arguments.flag("grouped")
        let days = try arguments.integer("days", in: 1...31) ?? 30
        let profileName = arguments.value("profile") ?? Scenario.defaultProfileName
        let pricing = try PriceOptions(&arguments)
        try arguments.rejectUnknown(command: "cost")
        if grouped && pollers == nil { throw UsageError("--grouped needs --pollers: only provisioned ESMs share a poller group's EPUs") }
        if grouped, let pollers, Int(mappings) * pollers > ScenarioLoader.maximumGroupPollers {
            throw UsageError("\(mappings) ESMs with \(pollers) pollers each add up to more than the \(ScenarioLoader.maximumGroupPollers) pollers a poller group allows")
        }
        let profile: BehaviourProfile
        do {
            profile = try ProfileStore.load(profileName)
        } catch {
            throw UsageError(error.description)
        }

        let workload = SteadyWorkload(
            recordsPerSecond: rate, recordSizeBytes: size, partitions: Int(partitions), durationMs: duration,
            memoryMB: Int(memory), architecture: architecture, batchSize: Int(batchSize), batchingWindowSeconds: window,
            provisionedPollers: pollers, mappings: Int(mappings), grouped: grouped, periodSeconds: Double(days) * 86_400)
        let estimate: SteadyEstimate
        do {
            estimate = try workload.estimate(profile: profile)
        } catch {
            Console.error("esmsim: \(error.description)")
            return .usage
        }
        let cost = CostModel.cost(estimate.usage, prices: pricing.prices, freeTier: pricing.freeTier)
        Console.out(describe(workload, estimate, cost, days: Int(days), pricing: pricing, profile: profile.name))
        return .success
    }

    static func describe(_ workload: SteadyWorkload, _ estimate: SteadyEstimate, _ cost: CostBreakdown, days: Int, pricing: PriceOptions, profile: String) -> String {
        let pollers = estimate.pollersPerMapping == 1 ? "1 poller" : "\(estimate.pollersPerMapping) pollers"
        let mode = workload.provisionedPollers == nil ? "on-demand" : "provisioned, \(pollers) per ESM"
        let esms = workload.mappings == 1 ? "1 ESM" : "\(workload.mappings) ESMs" + (workload.grouped ? " in one poller group" : ", each on its own EPUs")
        let hours = Double(days) * 24
        let freeTier = pricing.freeTier ? ", free tier taken off" : ""
        let lines: [(String, String, String)] = [
            ("EPU", "\(whole(cost.epuHours)) EPU-hours", money(cost.epuCost)),
            ("Lambda requests", "\(whole(cost.billedRequests)) requests", money(cost.requestCost)),
            ("Lambda duration", "\(whole(cost.billedGBSeconds)) GB-s", money(cost.durationCost)),
            ("total", "\(money(cost.total / hours)) per hour", money(cost.total)),
        ]
        let table = lines.map { label, quantity, amount in
            "  " + label.padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(0, 26 - quantity.count)) + quantity
                + String(repeating: " ", count: max(0, 13 - amount.count)) + amount
        }
        return """
        Steady workload, \(esms), \(mode) (profile \(profile), \(pricing.prices.region) prices\(freeTier))
          batches of \(number(estimate.batchRecords, 1)) records every \(number(estimate.batchCycleSeconds, 3)) s per partition; \(number(estimate.invocationsPerSecond, 2)) invocations/s per ESM
          EPUs running: \(estimate.epus)
        Over \(days) days (\(number(hours, 0)) hours):
        \(table.joined(separator: "\n"))
        """
    }

    static func number(_ value: Double, _ places: Int) -> String { CSVFormat.decimal(value, places: places) }

    /// A quantity rounded to a whole number, digits grouped.
    static func whole(_ value: Double) -> String { SummaryText.grouped(Int64(value.rounded())) }

    static func money(_ amount: Double) -> String { SummaryText.dollars(amount) }
}
