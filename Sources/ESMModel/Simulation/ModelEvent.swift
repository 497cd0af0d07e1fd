/// The events of the ESM model; partition-scoped ones carry the partition index.
///
/// Public only because the engine's handler protocol is; nothing outside the model makes them.
public enum ModelEvent: Sendable {
    /// A waiting partition re-examines its records (wake-up after a window, arrival or pause).
    case fetch(Int32)
    /// A fetched batch's invocation starts (or is throttled).
    case invokeStart(Int32)
    /// An invocation ends that needs a decision: a failure, or a part of a split batch
    /// (a whole batch's success goes straight to `commit`).
    case invokeEnd(Int32)
    /// A finished batch's offsets are committed and its poller slot freed.
    case commit(Int32)
    /// The scaler reads the offset lag.
    case evaluate
    /// A scaling decision takes effect: the poller count becomes the payload.
    case actuate(Int32)
    /// Production has ended: the run may now count as drained.
    case productionEnded
    /// A time-series row is due.
    case sample
}
