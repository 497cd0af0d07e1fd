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
        return """
        \(summary.scenario) (profile \(summary.profile), \(summary.mode), seed \(summary.seed))
          \(drain); max concurrency \(summary.maxConcurrency) at \(minutes(summary.timeToMaxConcurrency)); peak offset lag \(grouped(summary.peakOffsetLag))
          \(grouped(summary.recordsProcessed)) of \(grouped(summary.recordsProduced)) records processed, \(grouped(summary.recordsDropped)) dropped; \(grouped(summary.invocations)) invocations, \(grouped(summary.errors)) errors, \(grouped(summary.throttles)) throttles
          cost \(dollars(cost.total)): EPU \(dollars(cost.epuCost)) (\(CSVFormat.decimal(cost.epuHours, places: 3)) EPU-hours), Lambda requests \(dollars(cost.requestCost)), duration \(dollars(cost.durationCost))
        """
    }

    /// An amount of US dollars to the cent, or to four places below a cent.
    static func dollars(_ amount: Double) -> String {
        String(format: amount != 0 && abs(amount) < 0.01 ? "$%.4f" : "$%.2f", amount)
    }

    static func minutes(_ ticks: SimTime) -> String {
        "\(CSVFormat.decimal(Ticks.toSeconds(ticks) / 60, places: 1)) min"
    }

    static func grouped(_ value: Int64) -> String { CSVFormat.grouped(value) }
}
