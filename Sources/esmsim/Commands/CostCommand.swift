import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import Foundation

/// `esmsim cost`: a monthly estimate for a steady workload, worked out without simulating.
enum CostCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "cost", operands: "",
        summary: "estimate a steady workload's monthly cost without simulating it",
        about: """
        Estimates what a steady workload costs over a 730-hour month (or --days) analytically,
        with the same profile constants and EPU packing rule a simulation uses. Settings are
        spelt as in scenario files. Provisioned mode holds --pollers pollers per ESM
        (MinimumPollers = MaximumPollers); without --pollers the ESM is on-demand and has no
        EPU charge. Shipped prices: \(PriceList.shippedRegions).
        """,
        options: [
            OptionDefinition("recordsPerSecond", .number("R", unit: "records per second", range: FieldRanges.recordsPerSecond, positive: true), "records produced per second, per ESM (required)", deprecated: ["records-per-second"]),
            OptionDefinition("partitions", .whole("N", unit: "partitions", range: 1...1_000_000), "topic partitions (required)"),
            OptionDefinition("durationMs", .number("MS", unit: "milliseconds", range: FieldRanges.durationMs, positive: true), "function duration per invocation (required; billed rounded up to the ms)", deprecated: ["duration-ms"]),
            OptionDefinition("recordSizeBytes", .number("BYTES", unit: "bytes", range: FieldRanges.recordSizeBytes, positive: true), "bytes per record, at most 6291456 (6 MB)", default: "1024", deprecated: ["record-size"]),
            OptionDefinition("memoryMB", .whole("MB", unit: "MB", range: 128...10_240), "function memory, 128...10240", default: "128", deprecated: ["memory"]),
            OptionDefinition("architecture", .text("ARCH"), "x86_64 or arm64", default: "x86_64"),
            OptionDefinition("BatchSize", .whole("N", unit: "records", range: 1...10_000), "records per batch, 1...10000", default: "100", deprecated: ["batch-size"]),
            OptionDefinition("MaximumBatchingWindowInSeconds", .number("S", unit: "seconds", range: 0...300, positive: false), "batching window, 0...300", default: "0.5, Kafka's default", deprecated: ["window"]),
            OptionDefinition("pollers", .whole("N", unit: "pollers", range: 1...2_000), "provisioned mode with N steady pollers per ESM, 1...2000"),
            OptionDefinition("esms", .whole("N", unit: "ESMs", range: 1...100), "identical ESMs running this workload, 1...100", default: "1"),
            OptionDefinition("grouped", .flag, "the ESMs share one poller group's EPUs (needs --pollers)"),
            OptionDefinition("days", .whole("D", unit: "days", range: 1...31), "also price D days, 1...31 (the monthly figure stays a 730-hour month)"),
            OptionDefinition("profile", .text("NAME|FILE"), "behaviour profile", default: Scenario.defaultProfileName),
        ] + SharedOptions.prices)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        guard let rate = try arguments.number("recordsPerSecond") else { throw UsageError("esmsim cost needs --recordsPerSecond (see esmsim help cost)") }
        guard let partitions = try arguments.integer("partitions") else { throw UsageError("esmsim cost needs --partitions (see esmsim help cost)") }
        guard let duration = try arguments.number("durationMs") else { throw UsageError("esmsim cost needs --durationMs (see esmsim help cost)") }
        let size = try arguments.number("recordSizeBytes") ?? 1_024
        let memory = try arguments.integer("memoryMB") ?? 128
        let architectureName = arguments.value("architecture") ?? FunctionSpec.Architecture.x86_64.rawValue
        guard let architecture = FunctionSpec.Architecture(rawValue: architectureName) else {
            throw UsageError("--architecture must be x86_64 or arm64, not \"\(architectureName)\"")
        }
        let batchSize = try arguments.integer("BatchSize") ?? 100
        let window = try arguments.number("MaximumBatchingWindowInSeconds") ?? 0.5
        let pollers = try arguments.integer("pollers").map { Int($0) }
        let mappings = try arguments.integer("esms") ?? 1
        let grouped = arguments.flag("grouped")
        let days = try arguments.integer("days").map { Int($0) }
        let profileName = arguments.value("profile") ?? Scenario.defaultProfileName
        let pricing = try PriceOptions(arguments)
        guard arguments.positional.isEmpty else { throw UsageError("esmsim cost takes no files, only options (see esmsim help cost)") }
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

        let period = days.map { Double($0) * 86_400 } ?? MonthlyProjection.secondsPerMonth
        let workload = SteadyWorkload(
            recordsPerSecond: rate, recordSizeBytes: size, partitions: Int(partitions), durationMs: duration,
            memoryMB: Int(memory), architecture: architecture, batchSize: Int(batchSize), batchingWindowSeconds: window,
            provisionedPollers: pollers, mappings: Int(mappings), grouped: grouped, periodSeconds: period)
        let estimate: SteadyEstimate
        do {
            estimate = try workload.estimate(profile: profile)
        } catch {
            Console.error("esmsim: \(error.description)")
            return .usage
        }
        let cost = MonthlyProjection.cost(estimate.usage, over: period, prices: pricing.prices, freeTier: pricing.freeTier)
        Console.out(describe(workload, estimate, cost, days: days, pricing: pricing, profile: profile.name))
        return .success
    }

    static func describe(_ workload: SteadyWorkload, _ estimate: SteadyEstimate, _ cost: CostBreakdown, days: Int?, pricing: PriceOptions, profile: String) -> String {
        let mode = workload.provisionedPollers == nil ? "on-demand" : "provisioned, \(Plural.count(estimate.pollersPerMapping, "poller")) per ESM"
        let esms = workload.mappings == 1 ? "1 ESM" : "\(workload.mappings) ESMs" + (workload.grouped ? " in one poller group" : ", each on its own EPUs")
        let hours = workload.periodSeconds / 3_600
        let freeTier = pricing.freeTier ? ", free tier taken off" : ""
        var lines: [(String, String, String)] = [
            ("EPU", "\(whole(cost.epuHours)) EPU-hours", money(cost.epuCost)),
            ("Lambda requests", "\(whole(cost.billedRequests)) requests", money(cost.requestCost)),
            ("Lambda duration", "\(whole(cost.billedGBSeconds)) GB-s", money(cost.durationCost)),
            ("total", "\(money(cost.total / hours)) per hour", money(cost.total)),
        ]
        if days != nil, let monthly = cost.monthlyTotal { lines.append(("per month", "730 hours", money(monthly))) }
        let table = lines.map { label, quantity, amount in
            "  " + label.padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(0, 26 - quantity.count)) + quantity
                + String(repeating: " ", count: max(0, 13 - amount.count)) + amount
        }
        let period = days.map { "Over \(Plural.count($0, "day")) (\(number(hours, 0)) hours):" }
            ?? "Over a month (730 hours, the average: 8,760 a year / 12):"
        return """
        Steady workload, \(esms), \(mode) (profile \(profile), \(pricing.prices.region) prices\(freeTier))
          batches of \(number(estimate.batchRecords, 1)) records every \(number(estimate.batchCycleSeconds, 3)) s per partition; \(number(estimate.invocationsPerSecond, 2)) invocations/s per ESM
          EPUs running: \(estimate.epus)
        \(period)
        \(table.joined(separator: "\n"))
        """
    }

    static func number(_ value: Double, _ places: Int) -> String { CSVFormat.decimal(value, places: places) }

    /// A quantity rounded to a whole number, digits grouped.
    static func whole(_ value: Double) -> String { SummaryText.grouped(Int64(value.rounded())) }

    static func money(_ amount: Double) -> String { SummaryText.dollars(amount) }
}
