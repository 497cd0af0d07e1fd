import EventEngine

/// Where a compressed step's pass through outside moments (`ESMSimulation.readThrough`)
/// has got to: what the next sample, scaler reading and metering period start from.
struct ReadThroughCursor {
    /// Moments taken.
    var taken = 0
    /// Samples and scaler readings among them.
    var samples: Int64 = 0
    var readings: Int64 = 0
    /// The replay position of the last sample and reading taken; nil before the first.
    var samplePosition: Int64?
    var readingPosition: Int64?
    /// The state at the last reading taken, whose sums the next window starts from.
    var lastReading: StateReading?
    /// Each poller's bytes, counted from the replay's start, as of the last period the meter ended.
    var metered: [Double]?

    /// What each poller fetched since the meter last took its bytes, given its bytes
    /// counted from the replay's start (which include what the meter had not taken then).
    func bytesToMeter(_ cumulative: [Double]) -> [Double] {
        guard let metered else { return cumulative }
        return zip(cumulative, metered).map { $0 - $1 }
    }
}
