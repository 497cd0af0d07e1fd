import ESMFormats
import Dispatch
import Foundation

/// Counts finished runs from many threads and reports progress at most once a second,
/// starting only once a second has passed, so short jobs stay quiet. Wall-clock time is
/// read here only, and only reaches the report (stderr), never an output file.
public final class ProgressMeter: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let report: @Sendable (String) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastReport: UInt64
    private var done = 0
    private let lock = NSLock()
    private static let interval: UInt64 = 1_000_000_000

    /// A meter for `total` runs that reports through `report`, with lines starting with `label`.
    public init(total: Int, label: String, report: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.label = label
        self.report = report
        lastReport = started
    }

    /// Records one finished run.
    public func advance() {
        lock.lock()
        done += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let due = now - lastReport >= Self.interval
        if due { lastReport = now }
        let count = done
        lock.unlock()
        guard due else { return }
        let seconds = Double(now - started) / 1e9
        report("\(label): \(count)/\(total) runs (\(count * 100 / max(total, 1))%), \(CSVFormat.decimal(seconds, places: 1)) s")
    }
}
