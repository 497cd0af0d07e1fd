import EventEngine

extension ArrivalCurve {
    /// The stretch of constant rate holding a moment: a segment, or a gap between two.
    struct RateStretch: Equatable {
        /// When the rate changes next (`SimTime.max` after the last piece).
        var end: SimTime
        /// Whether the stretch is a gap with no production.
        var gap: Bool
        /// The fraction of a record produced beyond the count at the moment, in the
        /// segment's units: two moments of one stretch with the same phase see the same
        /// arrivals after them, shifted.
        var phase: Int64
    }

    /// The constant-rate stretch holding `time`, with the phase of the count there.
    /// - Complexity: O(1) amortized, like `count(at:)`.
    mutating func rateStretch(at time: SimTime) -> RateStretch {
        while generatedUntil <= time {
            guard generateNextSegment() else { break }
        }
        var index = firstLive
        while index < segments.count {
            let segment = segments[index]
            if time < segment.start { return RateStretch(end: segment.start, gap: true, phase: 0) }
            if time < segment.end {
                let phase = ExactRatio.divide(segment.rate, times: time - segment.start, plus: segment.phase, by: segment.scale).remainder
                return RateStretch(end: segment.end, gap: false, phase: phase)
            }
            index += 1
        }
        return RateStretch(end: SimTime.max, gap: true, phase: 0)
    }
}
