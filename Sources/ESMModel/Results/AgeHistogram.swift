import EventEngine

/// A log-scaled histogram of record ages (ticks), filled a batch at a time.
///
/// A batch adds its records spread evenly between the age of its newest and its oldest
/// record (at four evenly spaced ages), so no per-record work is done. Sixteen bins per power of two keep the
/// relative error of a quantile under about 4 %.
struct AgeHistogram {
    static let subBins = 16
    var counts = [Double](repeating: 0, count: 64 * AgeHistogram.subBins)
    var total = 0.0
    /// Every batch added since recording began, when recording (`ESMSimulation`'s steady
    /// stretches replay a cycle's batches from it); nil otherwise.
    var journal: [Addition]?

    /// The bin holding `age` ticks.
    static func bin(of age: SimTime) -> Int {
        if age < subBins { return Int(max(age, 0)) }
        let exponent = 63 - age.leadingZeroBitCount
        let mantissa = Int((age >> (exponent - 4)) & 15)
        return (exponent - 3) * subBins + mantissa
    }

    /// The smallest age in `bin`.
    static func lowerBound(of bin: Int) -> SimTime {
        if bin < subBins { return SimTime(bin) }
        let exponent = bin / subBins + 3
        let mantissa = SimTime(bin % subBins)
        return (16 + mantissa) << (exponent - 4)
    }

    /// Points a batch's age range is spread over: enough for a smooth quantile, few
    /// enough that the histogram costs a fixed, small amount per batch.
    static let pointsPerBatch = 4

    /// Adds `records` records with ages spread evenly over [newest, oldest], as of `time`
    /// (which dates the records' arrivals for the journal).
    mutating func add(records: Int64, oldest: SimTime, newest: SimTime, at time: SimTime) {
        guard records > 0 else { return }
        journal?.append(Addition(records: records, oldest: oldest, newest: newest, time: time))
        let low = max(0, min(oldest, newest))
        let high = max(0, max(oldest, newest))
        let weight = Double(records)
        total += weight
        if low == high {
            counts[Self.bin(of: low)] += weight
            return
        }
        let share = weight / Double(Self.pointsPerBatch)
        let span = Double(high - low)
        for point in 0..<Self.pointsPerBatch {
            let age = low + SimTime(span * (Double(point) + 0.5) / Double(Self.pointsPerBatch))
            counts[Self.bin(of: age)] += share
        }
    }

    /// Adds every record of `other`: the ages of several ESMs' records together.
    ///
    /// - Complexity: O(bins).
    mutating func add(_ other: AgeHistogram) {
        for bin in counts.indices { counts[bin] += other.counts[bin] }
        total += other.total
    }

    /// The age (seconds) below which `fraction` of the records fall; 0 when empty.
    func quantileSeconds(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let wanted = total * fraction
        var seen = 0.0
        for bin in counts.indices where counts[bin] > 0 {
            if seen + counts[bin] >= wanted {
                let low = Double(Self.lowerBound(of: bin))
                let high = Double(Self.lowerBound(of: bin + 1))
                let within = (wanted - seen) / counts[bin]
                return (low + (high - low) * within) / Double(Ticks.perSecond)
            }
            seen += counts[bin]
        }
        return Double(Self.lowerBound(of: counts.count)) / Double(Ticks.perSecond)
    }
}
