import ESMFormats
import Dispatch
import Foundation

/// Counts finished runs from many threads and reports progress at most once a second,
/// starting only once a second has passed, so short jobs stay quiet. Wall-clock time is
/// read here only, and only reaches the report (stderr), never an output file.
/// `ESMSIM_PROGRESS=0` silences every meter (for transcripts that must not depend on speed).
public final class ProgressMeter: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let unit: String
    private let report: @Sendable (String) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastReport: UInt64
    private var done = 0
    private let lock = NSLock()
    private static let interval: UInt64 = 1_000_000_000
    private static let silenced = ProcessInfo.processInfo.environment["ESMSIM_PROGRESS"] == "0"

    /// A meter for `total` runs (or other `unit`s) that reports through `report`, with
    /// lines starting with `label`.
    public init(total: Int, label: String, unit: String = "runs", report: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.label = label
        self.unit = unit
        self.report = report
        lastReport = started
    }

    /// Records one finished run.
    public func advance() { advance(by: 1) }

    /// Records `count` finished runs.
    public func advance(by count: Int) {
        lock.lock()
        done += count
        let now = DispatchTime.now().uptimeNanoseconds
        let due = now - lastReport >= Self.interval
        if due { lastReport = now }
        let finished = done
        lock.unlock()
        guard due, !Self.silenced else { return }
        let seconds = Double(now - started) / 1e9
        report("\(label): \(finished)/\(total) \(unit) (\(finished * 100 / max(total, 1))%), \(CSVFormat.decimal(seconds, places: 1)) s")
    }
}
