import ESMBilling
import ESMFormats
import ESMModel
import ESMScenarios
import EventEngine
import Foundation

/// The short human-readable summary `esmsim run` prints for each scenario.
enum SummaryText {
    static func describe(_ summary: RunSummary, cost: CostBreakdown) -> String {
        let drain = summary.drainTime.map { "drained in \(minutes($0))" }
            ?? "NOT drained within the horizon (\(minutes(summary.endTime))); final offset lag \(grouped(summary.finalOffsetLag))"
        // Shown only when filters removed records, so unfiltered summaries read as before.
        let filtered = summary.events.filteredOut > 0 ? ", \(grouped(summary.events.filteredOut)) filtered out" : ""
        return """
        \(summary.scenario) (profile \(summary.profile), \(summary.mode), seed \(summary.seed))
          \(drain); max concurrency \(summary.maxConcurrency) at \(minutes(summary.timeToMaxConcurrency)); peak offset lag \(grouped(summary.peakOffsetLag))
          \(grouped(summary.recordsProcessed)) of \(grouped(summary.recordsProduced)) records processed, \(grouped(summary.recordsDropped)) dropped\(filtered); \(Plural.count(summary.invocations, "invocation")), \(Plural.count(summary.errors, "error")), \(Plural.count(summary.throttles, "throttle"))
          cost \(dollars(cost.total)): EPU \(dollars(cost.epuCost)) (\(CSVFormat.decimal(cost.epuHours, places: 3)) EPU-hours), Lambda requests \(dollars(cost.requestCost)), duration \(dollars(cost.durationCost))
        """ + (monthly(summary, cost: cost).map { "\n  " + $0 } ?? "")
    }

    /// An amount of US dollars to the cent with grouped thousands, or to four places below a cent.
    static func dollars(_ amount: Double) -> String { MoneyFormat.dollars(amount) }

    /// The run's cost scaled to a 730-hour month, with the assumption said.
    static func monthly(_ summary: RunSummary, cost: CostBreakdown) -> String? {
        guard let monthly = cost.monthlyTotal else { return nil }
        let span = Ticks.toSeconds(summary.endTime)
        let spanText = span >= 86_400 ? "\(CSVFormat.decimal(span / 86_400, places: 2)) days" : span >= 3_600 ? "\(CSVFormat.decimal(span / 3_600, places: 2)) h" : minutes(summary.endTime)
        let caveat = span < 86_400 ? " (a short run: simulate a day or a week of traffic for a budget)" : ""
        return "monthly projection \(dollars(monthly)): the \(spanText) simulated, repeated over a 730-hour month\(caveat)"
    }

    static func minutes(_ ticks: SimTime) -> String {
        "\(CSVFormat.decimal(Ticks.toSeconds(ticks) / 60, places: 1)) min"
    }

    static func grouped(_ value: Int64) -> String { CSVFormat.grouped(value) }
}

extension SummaryText {
    /// One line for one ESM of a list: its drain, records, invocations, throttles and cost.
    static func describeMapping(_ summary: RunSummary, cost: CostBreakdown) -> String {
        let drain = summary.drainTime.map { "drained in \(minutes($0))" } ?? "NOT drained (final offset lag \(grouped(summary.finalOffsetLag)))"
        return "\(summary.scenario) (\(summary.mode)): \(drain); \(grouped(summary.recordsProcessed)) of \(grouped(summary.recordsProduced)) records; "
            + "\(Plural.count(summary.invocations, "invocation")), \(Plural.count(summary.throttles, "throttle")), max concurrency \(summary.maxConcurrency); cost \(dollars(cost.total))"
    }
}
