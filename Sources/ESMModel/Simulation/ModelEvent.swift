/// The events of the ESM model; partition-scoped ones carry the partition index.
///
/// Public only because the engine's handler protocol is; nothing outside the model makes them.
///
/// ## Event flow
/// A partition cycles through one batch at a time (Kafka's ordering: at most one batch
/// of a partition in flight):
///
///     fetch ──► invokeStart ──► (invokeEnd) ──► commit ──► fetch ...
///
/// - `fetch` runs `tryFetch`: the batch goes out when full (`BatchSize`, the payload
///   limit) or when its batching window has run out; otherwise the partition sleeps to
///   the earlier of the two, or to the next arrival. A batch needs a free slot on its
///   poller (`invocationsPerPoller`); without one the partition queues on the poller and
///   is fetched by the `commit` that frees a slot, with no event of its own.
/// - `invokeStart` starts the invocation on an idle environment or a new one (a cold
///   start, after its Init), or throttles it at the concurrency limit or when the
///   scaling rate allows no new environment, and tries again after `throttleRetrySeconds`.
/// - `invokeEnd` decides after a failure (retry after `errorRetrySeconds`, bisect, or
///   give the records up), after a partial batch response (retry from the first failed
///   record), or moves to the next part of a split batch.
/// - `commit` counts the batch, frees its poller slot for the longest-waiting queued
///   partition, and fetches again at once.
/// - A payload may span partitions (`ESMSimulation+SharedPayload`): the partition whose
///   fetch sends it leads, carries the events above and holds the slot; the partitions
///   riding in it are in flight with no events of their own until the lead's `commit`
///   commits them too. A partition sleeping in its batching window also wakes when its
///   poller's partitions together fill a batch.
/// - `evaluate` reads the metrics for the scaler every `readingIntervalSeconds`; a
///   decision becomes an `actuate` after `actuationDelaySeconds`, which reassigns
///   partitions (sticky: only moved ones pause for `rebalancePauseSeconds`, or every one
///   with `rebalanceScope` `allPartitions`).
/// - `productionEnded` lets the run count as drained; `sample` writes a row every
///   `--interval` and ends the run at the first sample after it settled.
///
/// ## Shortcuts
/// Each saves events without changing any output; the internal checks
/// (`ESMSimulation+InternalChecks`) and the determinism tests hold them to that.
/// 1. **No `invokeStart` when throttling is impossible and cold starts take no time.**
///    When the partitions (of every ESM co-simulated on the function, `CoSimulation`)
///    fit within the function's concurrency limit (at most one batch per partition in
///    flight), the scaling rate cannot bind (`ExecutionEnvironmentPool.scalingRateCanBind`)
///    and the function has no `initDuration`, a fetched batch is committed to its
///    invocation at fetch time (`beginInvocation` with a future start), since nothing can
///    refuse or lengthen it; its environment (warm or new) is still taken at its start,
///    by `settleConcurrency`.
/// 2. **No `invokeEnd` for a whole batch's success.** Its end needs nothing but the
///    commit, so `commit` is scheduled at the end plus `commitOverheadSeconds` directly.
/// 3. **Concurrency is counted lazily.** Invocation starts and ends go into a side
///    queue (`concurrencyChanges`, ends before starts within a tick) and are applied in
///    time order, to the count and to the environment pool, by `settleConcurrency`
///    whenever a reader needs them (a start, a commit, a sample), instead of as events
///    of their own. Idle environments are reclaimed when a start looks for one, not by
///    an event.
/// 4. **Queued partitions have no wake-up event.** A partition waiting for a poller
///    slot is fetched by the commit that frees one.
/// 5. **Stale wake-ups are ignored, not cancelled.** A `fetch` whose partition is no
///    longer waiting, or was rescheduled to another time, does nothing.
/// 6. **Steady cycles are skipped whole.** A run working off a backlog, or keeping up with
///    steady production, with fixed durations repeats one cycle between outside moments;
///    `ESMSimulation+Compression` recognises it and advances the whole cycles that fit in
///    one step, passing the samples, scaler readings and EPU metering periods that only
///    read the state (`ESMSimulation+ReadThrough`; `CompressionEligibility` says when it
///    may; `ModelConfiguration.compression` turns it off).
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

extension ModelEvent {
    /// The partition a partition-scoped event is about; nil for the run-wide ones.
    var partition: Int32? {
        switch self {
        case .fetch(let partition), .invokeStart(let partition), .invokeEnd(let partition), .commit(let partition):
            return partition
        case .evaluate, .actuate, .productionEnded, .sample:
            return nil
        }
    }

    /// A number per kind of event, for comparing queued events.
    var kindCode: Int {
        switch self {
        case .fetch: return 0
        case .invokeStart: return 1
        case .invokeEnd: return 2
        case .commit: return 3
        case .evaluate: return 4
        case .actuate: return 5
        case .productionEnded: return 6
        case .sample: return 7
        }
    }
}
