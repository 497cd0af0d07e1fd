import EventEngine

/// When and how fast producers write to the topic: a list of constant-rate pieces.
///
/// Pieces may leave gaps (quiet periods) but never overlap; a spike is a short piece
/// with a high rate.
public struct ProductionSchedule: Equatable, Sendable {
    /// One constant-rate stretch of production.
    public struct Piece: Equatable, Sendable {
        /// When the piece starts.
        public var start: SimTime
        /// When it ends (exclusive).
        public var end: SimTime
        /// Records per second across the whole topic.
        public var recordsPerSecond: Double

        /// Creates a piece.
        public init(start: SimTime, end: SimTime, recordsPerSecond: Double) {
            self.start = start
            self.end = end
            self.recordsPerSecond = recordsPerSecond
        }
    }

    /// How records arrive within a piece.
    public enum Arrivals: String, Equatable, Sendable {
        /// Evenly spaced at the piece's rate: the count at time t is floor(rate × t).
        case uniform
        /// A Poisson process at the piece's rate.
        case poisson
    }

    /// The pieces, sorted by start time, not overlapping.
    public var pieces: [Piece]
    /// How arrivals are spaced.
    public var arrivals: Arrivals

    /// Creates a schedule; pieces are sorted by start and empty ones dropped.
    public init(pieces: [Piece], arrivals: Arrivals = .uniform) {
        self.pieces = pieces.filter { $0.end > $0.start && $0.recordsPerSecond > 0 }.sorted { $0.start < $1.start }
        self.arrivals = arrivals
    }

    /// A schedule that produces nothing.
    public static let none = ProductionSchedule(pieces: [])

    /// The time production ends: the end of the last piece, or 0 when nothing is produced.
    public var end: SimTime { pieces.last?.end ?? 0 }

    /// The expected number of records the schedule produces.
    public var expectedRecords: Double {
        pieces.reduce(0) { $0 + $1.recordsPerSecond * Ticks.toSeconds($1.end - $1.start) }
    }
}
