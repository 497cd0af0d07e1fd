import EventEngine

extension AgeHistogram {
    /// One batch's `add`, as the journal keeps it.
    struct Addition: Equatable {
        var records: Int64
        var oldest: SimTime
        var newest: SimTime
        /// When the batch was added: `time − oldest` and `time − newest` are its arrivals.
        var time: SimTime

        /// How much older the batch's records are a cycle of `period` later: a cycle older
        /// when both ends arrived with the backlog (at 0), as old when both arrived after
        /// it (production repeating with the cycle), nil when the batch mixes the two.
        func ageStep(period: SimTime) -> SimTime? {
            let backlogEnds = (time - oldest == 0 ? 1 : 0) + (time - newest == 0 ? 1 : 0)
            switch backlogEnds {
            case 2: return period
            case 0: return 0
            default: return nil
            }
        }
    }

    /// Adds `addition` `count` times, the j-th time (1...count) with both ages `j × step`
    /// older (`step` may be 0): a batch of a steady cycle repeated `count` cycles later. Identical to the
    /// `count` calls to `add`, because every share is a multiple of a quarter record, so
    /// the sums are exact in any order below 2^51 records.
    ///
    /// - Complexity: O(bins crossed), not O(count): the repetitions falling into one bin are
    ///   counted by division.
    mutating func addRepeated(_ addition: Addition, step: SimTime, count: Int64) {
        guard addition.records > 0, count > 0, step >= 0 else { return }
        let low = max(0, min(addition.oldest, addition.newest))
        let high = max(0, max(addition.oldest, addition.newest))
        // Ages only grow with j, so the clamping at 0 above is the same for every repetition.
        precondition(min(addition.oldest, addition.newest) >= 0, "repeated ages must not be negative")
        let weight = Double(addition.records)
        total += weight * Double(count)
        if low == high {
            addArithmetic(first: low + step, step: step, count: count, share: weight)
            return
        }
        let share = weight / Double(Self.pointsPerBatch)
        let span = Double(high - low)
        for point in 0..<Self.pointsPerBatch {
            let age = low + SimTime(span * (Double(point) + 0.5) / Double(Self.pointsPerBatch))
            addArithmetic(first: age + step, step: step, count: count, share: share)
        }
    }

    /// Adds `share` at each of the ages `first`, `first + step`, ... (`count` of them).
    private mutating func addArithmetic(first: SimTime, step: SimTime, count: Int64, share: Double) {
        if step == 0 {
            counts[Self.bin(of: first)] += share * Double(count)
            return
        }
        var done: Int64 = 0
        while done < count {
            let age = first + done * step
            let bin = Self.bin(of: age)
            // Repetitions before the next bin's lower bound share this bin.
            let next = bin + 1 < 64 * Self.subBins ? Self.lowerBound(of: bin + 1) : SimTime.max
            let inBin = min(count - done, (next - 1 - age) / step + 1)
            counts[bin] += share * Double(inBin)
            done += inBin
        }
    }
}
