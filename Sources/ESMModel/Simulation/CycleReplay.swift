import EventEngine

/// One more cycle of a steady stretch, run on a copy of the model
/// (`ESMSimulation.replayCycle`), read at every phase where an outside moment falls in the
/// cycles a compressed step skips.
///
/// Positions count the readings in order: the start of the replayed cycle (just after the
/// anchor's commit) is position 0, its readings are 1 through `phases.count`, and its end
/// (the anchor's next commit) is `phases.count + 1`, which is also position 0 of the next
/// cycle. Segment k is the stretch from position k − 1 to position k; its maxima are the
/// reading's `concurrencyMax` and `waitingMax` (the end's for the last segment).
struct CycleReplay {
    /// When the replayed cycle starts, and its length.
    let start: SimTime
    let period: SimTime
    /// The phases read, ascending, each in 1...period: a moment at start + j·period + phase
    /// reads `readings[i]` carried j cycles forward.
    let phases: [SimTime]
    let readings: [StateReading]
    /// The state at the start of the cycle and at its end.
    let first: StateReading
    let last: StateReading
    /// Records produced over the cycle.
    let producedPerCycle: Int64
    /// The furthest ahead of its handling any batch event of the cycle was scheduled.
    let longestLead: SimTime
    /// Each segment's most invocations running and most records waiting at a commit.
    let concurrencyMaxima: [Int64]
    let waitingMaxima: [Int64]

    init(
        start: SimTime, period: SimTime, phases: [SimTime], readings: [StateReading], first: StateReading,
        last: StateReading, producedPerCycle: Int64, longestLead: SimTime
    ) {
        self.start = start
        self.period = period
        self.phases = phases
        self.readings = readings
        self.first = first
        self.last = last
        self.producedPerCycle = producedPerCycle
        self.longestLead = longestLead
        concurrencyMaxima = (readings + [last]).map(\.concurrencyMax)
        waitingMaxima = (readings + [last]).map(\.waitingMax)
    }
}

extension CycleReplay {
    /// How much the records waiting at each commit grow per cycle: never more than 0 in
    /// a cycle the compressed path repeats (its lag does not grow).
    var waitingDrift: Int64 { producedPerCycle - (last.counts.fetched - first.counts.fetched) }

    /// The whole cycles before `time` and its phase, in 1...period.
    func place(_ time: SimTime) -> (cycle: Int64, phase: SimTime) {
        let phase = (time - start - 1) % period + 1
        return ((time - start - phase) / period, phase)
    }

    /// The index of `phase` among the phases read.
    ///
    /// - Complexity: O(log phases).
    func index(of phase: SimTime) -> Int {
        var low = 0, high = phases.count
        while low < high {
            let middle = (low + high) / 2
            if phases[middle] < phase { low = middle + 1 } else { high = middle }
        }
        precondition(low < phases.count && phases[low] == phase, "a phase the replay did not read")
        return low
    }

    /// The position of a moment at `time`, whose phase was read.
    func position(of time: SimTime) -> Int64 {
        let (cycle, phase) = place(time)
        return cycle * Int64(phases.count + 1) + Int64(index(of: phase)) + 1
    }

    /// The position of the end of `cycles` whole cycles.
    func position(afterCycles cycles: Int64) -> Int64 { cycles * Int64(phases.count + 1) }

    /// The state at `time`, whose phase was read, as the cycles would have left it.
    func reading(at time: SimTime) -> StateReading {
        let (cycle, phase) = place(time)
        return readings[index(of: phase)].advanced(by: cycle, start: first, end: last)
    }

    /// The state at the end of `cycles` whole cycles.
    func reading(afterCycles cycles: Int64) -> StateReading {
        first.advanced(by: cycles, start: first, end: last)
    }

    /// The highest of the segment `maxima` from position `from` (excluded) to `to`, each
    /// grown by `drift` per cycle; nil for an empty stretch.
    ///
    /// A maximum that does not grow (`drift` ≤ 0) is highest in the first cycle that holds
    /// its segment, so no more than one cycle of segments is looked at.
    /// - Complexity: O(min(to − from, phases)).
    func highest(_ maxima: [Int64], from: Int64, to: Int64, drift: Int64) -> Int64? {
        precondition(drift <= 0, "a growing maximum is not repeated")
        let segments = Int64(maxima.count)
        var best: Int64?
        var segment = from
        var index = Int(from % segments)
        var cycle = from / segments
        let last = min(to, from + segments)
        while segment < last {
            let value = maxima[index] + cycle * drift
            if best.map({ value > $0 }) ?? true { best = value }
            segment += 1
            index += 1
            if index == maxima.count {
                index = 0
                cycle += 1
            }
        }
        return best
    }
}
