import EventEngine
import Foundation

/// Records the function fails one by one (`function.recordFailureShare`), and the partial
/// batch response that reports them (`FunctionResponseTypes: ["ReportBatchItemFailures"]`,
/// DOC kafka-retry-configurations: the response names each failed record by partition
/// and offset).
///
/// Assumed: each record fails independently with the same chance, at every attempt; a
/// function reporting item failures reports the first failed record (the ESM retries
/// from there, so later ones need not be listed). The records before it are done: they
/// are never sent again, and are committed with the rest of the batch.
extension ESMSimulation {
    /// The number of records before the first failed one among an invocation's `records`,
    /// or nil when every record succeeds: a geometric draw with the function's
    /// `recordFailureShare`, from its own stream so other draws are unchanged.
    mutating func firstFailedRecord(of records: Int64) -> Int64? {
        let share = configuration.function.recordFailureShare
        guard share > 0, records > 0 else { return nil }
        guard share < 1 else { return 0 }
        let unit = random.recordFailures.nextUnit()
        // P(first failure after k successes) = (1 − share)^k · share.
        let successes = (log1p(-unit) / log1p(-share)).rounded(.down)
        return successes < Double(records) ? Int64(successes) : nil
    }
}
