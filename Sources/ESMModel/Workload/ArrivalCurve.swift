import EventEngine

/// The cumulative number of records written to the topic as a function of time, and its
/// inverse: when the k-th record arrives.
///
/// The curve is a chain of linear segments. With uniform arrivals the segments are the
/// schedule's pieces and the count is exactly floor(∫ rate). With Poisson arrivals each
/// piece is cut into one-second segments whose counts are Poisson draws, spread evenly
/// within the second. Segments are generated lazily and in order from the curve's own
/// random stream, so the curve is one fixed function of the seed whatever order the
/// model asks in, and memory holds only the segments between the earliest and latest
/// times still being asked about.
public struct ArrivalCurve: Sendable {
    @usableFromInline
    struct Segment: Sendable {
        @usableFromInline var start: SimTime
        @usableFromInline var end: SimTime
        /// Cumulative count (fractional for uniform arrivals) at `start` and at `end`.
        @usableFromInline var countAtStart: Double
        @usableFromInline var countAtEnd: Double
        /// Records per tick within the segment (precomputed: the hot paths divide by nothing).
        @usableFromInline var perTick: Double
        /// Ticks per record, the inverse of `perTick` (0 for an empty segment).
        @usableFromInline var ticksPerRecord: Double

        init(start: SimTime, end: SimTime, countAtStart: Double, countAtEnd: Double) {
            self.start = start
            self.end = end
            self.countAtStart = countAtStart
            self.countAtEnd = countAtEnd
            perTick = (countAtEnd - countAtStart) / Double(end - start)
            ticksPerRecord = perTick > 0 ? 1 / perTick : 0
        }
    }

    /// Length of one Poisson segment.
    public static let poissonSegment: SimTime = Ticks.perSecond

    let schedule: ProductionSchedule
    /// Records present before time 0 (the backlog).
    public let initialCount: Int64
    var random: RandomStream
    @usableFromInline var segments: [Segment] = []
    @usableFromInline var firstLive = 0
    var nextPiece = 0
    var generatedUntil: SimTime = 0
    var generatedCount: Double

    /// Creates the curve for `schedule` on top of `initialCount` backlog records.
    public init(schedule: ProductionSchedule, initialCount: Int64, random: RandomStream) {
        self.schedule = schedule
        self.initialCount = initialCount
        self.random = random
        self.generatedCount = Double(initialCount)
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
            if time <= segment.start { return Self.floor(segment.countAtStart) }
            if time < segment.end { return countWithin(segment, at: time) }
            index += 1
        }
        return Self.floor(generatedCount)
    }

    /// The earliest time at or after `notBefore` at which the topic holds at least `target`
    /// records, or nil when production ends first.
    public mutating func time(reaching target: Int64, notBefore: SimTime) -> SimTime? {
        if target <= initialCount { return notBefore }
        let wanted = Double(target)
        var index = max(firstLive, segmentIndexAtOrAfter(notBefore))
        while true {
            while index >= segments.count {
                guard generateNextSegment() else {
                    return Self.floor(generatedCount) >= target ? notBefore : nil
                }
            }
            let segment = segments[index]
            // Segments chain in count, so a target at or below this segment's starting
            // count was reached by `notBefore` (in the gap before it, or inside it).
            if wanted <= segment.countAtStart { return notBefore }
            if segment.countAtEnd >= wanted {
                var time = segment.start + Self.ceiling((wanted - segment.countAtStart) * segment.ticksPerRecord)
                // Floating rounding may land a tick early; step until the count agrees.
                while time < segment.end && countWithin(segment, at: time) < target { time += 1 }
                return max(min(time, segment.end), notBefore)
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

    func countWithin(_ segment: Segment, at time: SimTime) -> Int64 {
        let count = segment.countAtStart + segment.perTick * Double(time - segment.start)
        return Self.floor(min(count, segment.countAtEnd))
    }

    mutating func segmentIndexAtOrAfter(_ time: SimTime) -> Int {
        var index = firstLive
        while index < segments.count && segments[index].end <= time { index += 1 }
        return index
    }

    /// floor(x) for x >= 0 without a libm call (the baseline x86-64 target has no
    /// rounding instruction, and this sits on the hottest path).
    @inline(__always)
    static func floor(_ x: Double) -> Int64 { Int64(x) }

    /// ceil(x) for x >= 0, likewise.
    @inline(__always)
    static func ceiling(_ x: Double) -> Int64 {
        let truncated = Int64(x)
        return Double(truncated) < x ? truncated + 1 : truncated
    }

    /// Appends the next segment; false when production is over.
    mutating func generateNextSegment() -> Bool {
        guard nextPiece < schedule.pieces.count else {
            generatedUntil = SimTime.max
            return false
        }
        let piece = schedule.pieces[nextPiece]
        let start = max(piece.start, generatedUntil)
        let ratePerTick = piece.recordsPerSecond / Double(Ticks.perSecond)
        let end: SimTime
        let added: Double
        switch schedule.arrivals {
        case .uniform:
            end = piece.end
            added = ratePerTick * Double(end - start)
        case .poisson:
            end = min(piece.end, start + Self.poissonSegment)
            added = Double(PoissonSampler.sample(mean: ratePerTick * Double(end - start), &random))
        }
        segments.append(Segment(start: start, end: end, countAtStart: generatedCount, countAtEnd: generatedCount + added))
        generatedCount += added
        generatedUntil = end
        if end >= piece.end { nextPiece += 1 }
        return true
    }
}
