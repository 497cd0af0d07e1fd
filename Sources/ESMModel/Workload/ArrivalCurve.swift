import EventEngine

/// The cumulative number of records written to the topic as a function of time, and its
/// inverse: when the k-th record arrives.
///
/// The curve is a chain of linear segments, counted in exact integer arithmetic
/// (`ExactRatio`). With uniform arrivals the segments are the schedule's pieces, each
/// piece's rate taken as the nearest fraction of records per second with a denominator up
/// to a million (exact for whole, decimal and simple fractional rates such as 1/120), and
/// the count is exactly ⌊∫ rate⌋, the fraction of a record carried from piece to piece
/// (rounded down to the next piece's units); so within a piece the
/// count a whole number of records later is the same count shifted, which the compressed
/// path relies on. With Poisson arrivals each piece is cut into one-second segments whose
/// counts are Poisson draws, spread evenly within the second. Segments are generated lazily and in order from the curve's own
/// random stream, so the curve is one fixed function of the seed whatever order the
/// model asks in, and memory holds only the segments between the earliest and latest
/// times still being asked about.
public struct ArrivalCurve: Sendable {
    /// One linear stretch of the curve: the count at `time` in `start..<end` is
    /// `base + ⌊(phase + rate × (time − start)) / scale⌋`.
    @usableFromInline
    struct Segment: Sendable {
        @usableFromInline var start: SimTime
        @usableFromInline var end: SimTime
        /// Cumulative count at `start` and at `end`.
        @usableFromInline var base: Int64
        @usableFromInline var countAtEnd: Int64
        /// The fraction of a record carried in at `start`, in units of 1 / `scale` (0..<scale).
        @usableFromInline var phase: Int64
        /// Records per tick, as `rate / scale` in lowest terms.
        @usableFromInline var rate: Int64
        @usableFromInline var scale: Int64
    }

    /// Length of one Poisson segment.
    public static let poissonSegment: SimTime = Ticks.perSecond
    /// Uniform rates are kept as fractions of records per second with denominators up to this.
    static let rateDenominatorLimit: Int64 = 1_000_000

    let schedule: ProductionSchedule
    /// Records present before time 0 (the backlog).
    public let initialCount: Int64
    var random: RandomStream
    @usableFromInline var segments: [Segment] = []
    @usableFromInline var firstLive = 0
    var nextPiece = 0
    var generatedUntil: SimTime = 0
    var generatedCount: Int64
    /// The fraction of a record produced beyond `generatedCount`: `carry / carryScale`.
    var generatedCarry: Int64 = 0
    var generatedCarryScale: Int64 = 1

    /// Creates the curve for `schedule` on top of `initialCount` backlog records.
    public init(schedule: ProductionSchedule, initialCount: Int64, random: RandomStream) {
        self.schedule = schedule
        self.initialCount = initialCount
        self.random = random
        self.generatedCount = initialCount
    }

    /// When the last record can arrive.
    public var productionEnd: SimTime { schedule.end }

    /// The number of records in the topic at `time` (backlog included).
    ///
    /// Callers ask with non-decreasing times, except that they may look back as far as
    /// the oldest time they still hold an interest in (see `forget(before:)`).
    public mutating func count(at time: SimTime) -> Int64 {
        while generatedUntil <= time {
            guard generateNextSegment() else { break }
        }
        var index = firstLive
        // Most asks are near the front; walk forward rather than binary-searching.
        while index < segments.count {
            let segment = segments[index]
            if time <= segment.start { return segment.base }
            if time < segment.end { return countWithin(segment, at: time) }
            index += 1
        }
        return generatedCount
    }

    /// The earliest time at or after `notBefore` at which the topic holds at least `target`
    /// records, or nil when production ends first.
    public mutating func time(reaching target: Int64, notBefore: SimTime) -> SimTime? {
        if target <= initialCount { return notBefore }
        var index = max(firstLive, segmentIndexAtOrAfter(notBefore))
        while true {
            while index >= segments.count {
                guard generateNextSegment() else {
                    return generatedCount >= target ? notBefore : nil
                }
            }
            let segment = segments[index]
            // Segments chain in count, so a target at or below this segment's starting
            // count was reached by `notBefore` (in the gap before it, or inside it).
            if target <= segment.base { return notBefore }
            if segment.countAtEnd >= target {
                // The smallest dt with phase + rate × dt >= (target − base) × scale.
                let needed = ExactRatio.divide(target - segment.base, times: segment.scale, plus: -segment.phase + segment.rate - 1, by: segment.rate)
                return max(min(segment.start + needed.quotient, segment.end), notBefore)
            }
            index += 1
        }
    }

    /// Lets the curve drop segments that end before `time`; later calls must not ask
    /// about earlier times.
    public mutating func forget(before time: SimTime) {
        while firstLive < segments.count && segments[firstLive].end < time { firstLive += 1 }
        if firstLive > 4_096 && firstLive * 2 > segments.count {
            segments.removeFirst(firstLive)
            firstLive = 0
        }
    }

    @inline(__always)
    func countWithin(_ segment: Segment, at time: SimTime) -> Int64 {
        let count = segment.base + ExactRatio.divide(segment.rate, times: time - segment.start, plus: segment.phase, by: segment.scale).quotient
        return min(count, segment.countAtEnd)
    }

    mutating func segmentIndexAtOrAfter(_ time: SimTime) -> Int {
        var index = firstLive
        while index < segments.count && segments[index].end <= time { index += 1 }
        return index
    }

    /// Appends the next segment; false when production is over.
    mutating func generateNextSegment() -> Bool {
        guard nextPiece < schedule.pieces.count else {
            generatedUntil = SimTime.max
            return false
        }
        let piece = schedule.pieces[nextPiece]
        let start = max(piece.start, generatedUntil)
        let end: SimTime
        let segment: Segment
        switch schedule.arrivals {
        case .uniform:
            end = piece.end
            let (rate, scale) = Self.ratePerTick(recordsPerSecond: piece.recordsPerSecond)
            // The fraction carried in from the last piece, in this piece's units (rounded down).
            let phase = ExactRatio.divide(generatedCarry, times: scale, plus: 0, by: generatedCarryScale).quotient
            let total = ExactRatio.divide(rate, times: end - start, plus: phase, by: scale)
            segment = Segment(
                start: start, end: end, base: generatedCount, countAtEnd: generatedCount + total.quotient,
                phase: phase, rate: rate, scale: scale)
            (generatedCarry, generatedCarryScale) = (total.remainder, scale)
        case .poisson:
            end = min(piece.end, start + Self.poissonSegment)
            let ratePerTick = piece.recordsPerSecond / Double(Ticks.perSecond)
            let added = Int64(PoissonSampler.sample(mean: ratePerTick * Double(end - start), &random))
            segment = Segment(start: start, end: end, base: generatedCount, countAtEnd: generatedCount + added, phase: 0, rate: added, scale: end - start)
        }
        segments.append(segment)
        generatedCount = segment.countAtEnd
        generatedUntil = end
        if end >= piece.end { nextPiece += 1 }
        return true
    }

}
