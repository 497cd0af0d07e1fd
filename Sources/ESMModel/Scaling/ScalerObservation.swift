import EventEngine

/// What the scaler reads at one reading: the poller count, the arrival rate, the records
/// waiting to be fetched, whether the function was throttled, and the batches committed
/// since the last reading.
public struct ScalerObservation: Equatable, Sendable {
    /// When the evaluation happens.
    public var time: SimTime
    /// Pollers running now.
    public var pollers: Int
    /// Records arriving per second since the last reading.
    public var arrivalRate: Double
    /// Offset lag not yet fetched (records waiting, batches in flight left out): the most
    /// seen since the last reading, so lag worked off between two readings still counts.
    public var waitingLag: Int64
    /// Invocations refused for the function's concurrency limit since the last reading.
    public var throttles: Int64
    /// The batches committed since the last reading.
    public var window: ThroughputWindow

    /// Creates an observation.
    public init(
        time: SimTime, pollers: Int, arrivalRate: Double, waitingLag: Int64, throttles: Int64 = 0,
        window: ThroughputWindow = ThroughputWindow()
    ) {
        self.time = time
        self.pollers = pollers
        self.arrivalRate = arrivalRate
        self.waitingLag = waitingLag
        self.throttles = throttles
        self.window = window
    }
}
