import EventEngine

/// The counts an outside moment reads of the model at one instant: what a sample writes
/// into its row, what a scaler reading sums, and the bytes the EPU meter is handed.
///
/// The compressed path (`ESMSimulation+ReadThrough`) takes these from a replayed cycle
/// and carries them whole cycles forward, so every field is a count that grows by the
/// same amount each cycle, except the two segment maxima, which the replay resets at
/// each of its readings.
struct StateReading {
    /// The run's counts (`ESMSimulation.Totals.counts`).
    var counts = RunCounts()
    var coldStarts: Int64 = 0
    /// The batches committed since the scaler's last reading, summed (`peakWaiting` unused).
    var window = ThroughputWindow()
    /// The bytes each poller fetched since the EPU meter last took them.
    var pollerBytes: [Double] = []
    /// Each partition's committed offset; empty where no sample reads it.
    var partitionCommitted: [Int64] = []
    /// In a replay: the most invocations running at once since its previous reading.
    var concurrencyMax: Int64 = 0
    /// In a replay: the most records waiting to be fetched at a commit since its previous reading.
    var waitingMax: Int64 = 0
}

extension StateReading {
    /// This reading `cycles` cycles later: every count grown by what one cycle adds, the
    /// cycle that starts at `start` and ends at `end`. The segment maxima are kept.
    ///
    /// - Complexity: O(partitions + pollers).
    func advanced(by cycles: Int64, start: StateReading, end: StateReading) -> StateReading {
        guard cycles != 0 else { return self }
        func grown(_ field: KeyPath<StateReading, Int64>) -> Int64 {
            self[keyPath: field] + cycles * (end[keyPath: field] - start[keyPath: field])
        }
        var result = self
        result.counts = counts.advanced(by: cycles, start: start.counts, end: end.counts)
        result.coldStarts = grown(\.coldStarts)
        result.window = ThroughputWindow(
            batches: grown(\.window.batches), records: grown(\.window.records),
            // Payload bytes are whole numbers (`CompressionEligibility`), so these sums are exact.
            bytes: window.bytes + Double(cycles) * (end.window.bytes - start.window.bytes),
            slotTicks: grown(\.window.slotTicks), invocationTicks: grown(\.window.invocationTicks))
        for index in pollerBytes.indices {
            result.pollerBytes[index] += Double(cycles) * (end.pollerBytes[index] - start.pollerBytes[index])
        }
        for index in partitionCommitted.indices {
            result.partitionCommitted[index] += cycles * (end.partitionCommitted[index] - start.partitionCommitted[index])
        }
        return result
    }

    /// The window of a scaler reading taken at this instant, when the previous one was
    /// taken at `previous` (nil: the sums already start at the previous reading).
    func window(since previous: StateReading?) -> ThroughputWindow {
        guard let previous else { return window }
        return ThroughputWindow(
            batches: window.batches - previous.window.batches, records: window.records - previous.window.records,
            bytes: window.bytes - previous.window.bytes, slotTicks: window.slotTicks - previous.window.slotTicks,
            invocationTicks: window.invocationTicks - previous.window.invocationTicks)
    }
}
