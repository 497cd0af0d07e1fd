import EventEngine

/// One run of the Kafka ESM model: partitions, pollers, the scaler and the function,
/// driven by the event engine at batch granularity.
///
/// Memory is proportional to partitions, pollers and batches in flight, never to
/// records: offsets are counts, and production is an `ArrivalCurve` evaluated on demand.
public struct ESMSimulation {
    let configuration: ModelConfiguration
    let behaviour: ScalingBehaviour
    let split: PartitionSplit
    var curve: ArrivalCurve
    var partitions: [PartitionState]
    var pollers: [PollerState]

    // Random streams, one per subsystem.
    var durationRandom: RandomStream
    var errorRandom: RandomStream
    var sizeRandom: RandomStream

    // Constants derived once from the configuration and profile.
    let batchLimit: Int64
    let slotsPerPoller: Int
    let pollOverhead: SimTime
    let commitOverhead: SimTime
    let throttleRetry: SimTime
    let errorRetry: SimTime
    let rebalancePause: SimTime
    let actuationDelay: SimTime
    let retryLimit: Int?
    let recordSizeMean: Double
    let recordSizeDeviation: Double
    let skippedRecords: Int64

    // Running state.
    /// Invocations running, as of the last `settleConcurrency`.
    var concurrency = 0
    /// Invocation starts (true) and ends (false) not yet counted. Ends are urgent, so
    /// within a tick they come first: an invocation ending as another starts frees its place.
    var concurrencyChanges = EventQueue<Bool>()
    /// Whether the function can never be throttled (at most one batch per partition is in
    /// flight, and the partitions fit within its concurrency limit), so a fetched batch's
    /// invocation can be committed to without waiting for its start.
    let throttlingImpossible: Bool
    var committedTotal: Int64 = 0
    var processedTotal: Int64 = 0
    var droppedTotal: Int64 = 0
    var invocationsTotal: Int64 = 0
    var errorsTotal: Int64 = 0
    var throttlesTotal: Int64 = 0
    var billedMilliseconds: Int64 = 0
    var maxConcurrency = 0
    var timeOfMaxConcurrency: SimTime = 0
    var peakLag: Int64 = 0
    var drainTime: SimTime?
    var productionOver = false
    var settled = false
    /// When the run first drained with no scaling action pending and its pollers at their floor.
    var settledAt: SimTime?
    var lastPollerChange: SimTime = 0

    // The scaler and what it observes between evaluations.
    var scaler: PollerScaler
    var throughputWindow = ThroughputWindow()
    /// Records fetched so far (the backlog a LATEST start skips left out).
    var fetchedTotal: Int64 = 0
    /// When the scaler last read the metrics, and the records produced by then.
    var lastReading: SimTime = 0
    var producedAtLastReading: Int64 = 0
    var throttlesSinceEvaluation: Int64 = 0

    // Sampling state.
    var rows: [TimeSeriesRow] = []
    var intervalMaxConcurrency = 0
    var lastSampleInvocations: Int64 = 0
    var lastSampleErrors: Int64 = 0
    var lastSampleThrottles: Int64 = 0
    var ages = AgeHistogram()
    var epuMeter: EPUMeter

    /// Prepares a run of `configuration`.
    public init(_ configuration: ModelConfiguration) {
        self.configuration = configuration
        let settings = configuration.settings
        let profile = configuration.profile
        let behaviour = profile.behaviour(provisioned: settings.isProvisioned)
        self.behaviour = behaviour
        let streams = RandomStreams(seed: configuration.seed)
        split = PartitionSplit(partitions: configuration.topic.partitions, hotShare: configuration.topic.hotPartitionShare)
        curve = ArrivalCurve(
            schedule: configuration.production, initialCount: configuration.topic.backlogRecords,
            random: streams.stream("producer"))
        durationRandom = streams.stream("function.duration")
        errorRandom = streams.stream("function.errors")
        sizeRandom = streams.stream("topic.recordSize")

        let sizes = configuration.topic.recordSizeBytes
        recordSizeMean = max(sizes.mean, 1)
        recordSizeDeviation = sizes.variance.squareRoot()
        let payloadRecords = max(1, Int64(profile.payloadLimitBytes / recordSizeMean))
        batchLimit = min(Int64(settings.batchSize), payloadRecords)
        slotsPerPoller = max(1, Int(behaviour.invocationsPerPoller))
        pollOverhead = Ticks.seconds(behaviour.pollOverheadSeconds)
        commitOverhead = Ticks.seconds(behaviour.commitOverheadSeconds)
        throttleRetry = max(1, Ticks.seconds(profile.throttleRetrySeconds))
        errorRetry = Ticks.seconds(profile.errorRetrySeconds)
        rebalancePause = Ticks.seconds(profile.rebalancePauseSeconds)
        actuationDelay = Ticks.seconds(behaviour.actuationDelaySeconds)
        throttlingImpossible = configuration.topic.partitions <= configuration.function.concurrencyLimit
        retryLimit = settings.retryLimit(retriesWithDestination: Int(profile.retriesWithDestination))

        let partitionCount = configuration.topic.partitions
        let bounds = Self.pollerBounds(configuration, behaviour: behaviour)
        let initialPollers = settings.isProvisioned
            ? bounds.floor
            : min(max(bounds.floor, Int(behaviour.initialPollers)), bounds.ceiling)
        let policy = ScalerPolicy(
            behaviour: behaviour, floor: bounds.floor, ceiling: bounds.ceiling, partitions: partitionCount,
            batchRecords: Double(batchLimit), concurrencyLimit: configuration.function.concurrencyLimit)
        let fullBatchSeconds = configuration.function.meanDurationSeconds(records: Double(batchLimit))
        let prior = CapacityEstimate(
            slotSecondsPerBatch: behaviour.pollOverheadSeconds + fullBatchSeconds + behaviour.commitOverheadSeconds,
            invocationSecondsPerBatch: fullBatchSeconds, bytesPerRecord: recordSizeMean)

        let backlog = configuration.topic.backlogRecords
        skippedRecords = settings.startingPosition == .latest ? backlog : 0
        let split = self.split
        partitions = (0..<partitionCount).map { index in
            PartitionState(start: settings.startingPosition == .latest ? split.count(of: index, total: backlog) : 0)
        }
        pollers = Array(repeating: PollerState(bytesFreeAt: 0), count: initialPollers)
        for index in partitions.indices { partitions[index].poller = Int32(index % initialPollers) }
        // Pollers beyond the partition count cannot exist, so they are never billed.
        epuMeter = EPUMeter(
            profile: profile,
            provisioned: settings.provisionedPollers.map { _ in .init(minimum: bounds.floor, maximum: bounds.ceiling) },
            mappings: configuration.mappingsInPollerGroup)
        scaler = PollerScaler(policy: policy, prior: prior)
    }

    /// The fewest and most pollers the mode allows: on-demand, the profile's minimum up
    /// to one per partition; provisioned, `MinimumPollers` to `MaximumPollers`, neither
    /// above the partition count (a poller needs a partition).
    static func pollerBounds(_ configuration: ModelConfiguration, behaviour: ScalingBehaviour) -> (floor: Int, ceiling: Int) {
        let partitions = max(1, configuration.topic.partitions)
        guard let bounds = configuration.settings.provisionedPollers else {
            return (min(max(1, Int(behaviour.minimumPollers)), partitions), partitions)
        }
        let floor = min(max(1, bounds.minimum), partitions)
        return (floor, max(floor, min(bounds.maximum, partitions)))
    }

    /// The fewest pollers the scaler may leave.
    var pollerFloor: Int { scaler.policy.floor }

    /// Runs to completion (drained and settled) or to the horizon.
    public static func run(_ configuration: ModelConfiguration) -> RunResult {
        var simulation = ESMSimulation(configuration)
        return simulation.run()
    }

    /// Runs this simulation once.
    public mutating func run() -> RunResult {
        var queue = EventQueue<ModelEvent>()
        queue.schedule(.sample, at: 0)
        for index in partitions.indices {
            partitions[index].phase = .waiting
            partitions[index].wakeAt = 0
            queue.schedule(.fetch(Int32(index)), at: 0)
        }
        producedAtLastReading = producedTotal(at: 0)
        queue.schedule(.evaluate, at: scaler.policy.readingInterval)
        queue.schedule(.productionEnded, at: curve.productionEnd)
        let outcome = EventLoop.run(&self, queue: &queue, until: configuration.horizon)
        // The run ends when it settled; the events up to the sample that noticed change nothing.
        let endTime = settledAt ?? outcome.time
        settleConcurrency(at: endTime)
        closeSampling(at: endTime)
        return RunResult(rows: rows, summary: summary(endTime: endTime, events: outcome.handled))
    }

    /// Records the ESM is responsible for that are in the topic at `time`.
    mutating func producedTotal(at time: SimTime) -> Int64 {
        curve.count(at: time) - skippedRecords
    }
}

extension ESMSimulation: EventHandler {
    /// Handles one model event.
    public mutating func handle(_ event: ModelEvent, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        defer { checkInvariants(after: event, at: now) }
        switch event {
        case .fetch(let partition):
            let index = Int(partition)
            guard partitions[index].phase == .waiting, partitions[index].wakeAt == now else { return }
            tryFetch(index, at: now, queue: &queue)
        case .invokeStart(let partition):
            startInvocation(Int(partition), at: now, queue: &queue)
        case .invokeEnd(let partition):
            endInvocation(Int(partition), at: now, queue: &queue)
        case .commit(let partition):
            commit(Int(partition), at: now, queue: &queue)
        case .evaluate:
            evaluate(at: now, queue: &queue)
        case .actuate(let target):
            actuate(Int(target), at: now, queue: &queue)
        case .productionEnded:
            productionOver = true
            checkDrained(at: now)
        case .sample:
            takeSample(at: now)
            // Stopping only at a sample makes the last row show the settled state.
            settled = settledAt != nil
            queue.schedule(.sample, at: now + configuration.sampleInterval)
        }
        // Checked after every event, not at samples, so the run (and its bill) ends at the
        // same instant whatever the sampling interval.
        if settledAt == nil && drainTime != nil && !scaler.actionPending && pollers.count == pollerFloor {
            settledAt = now
            // Billing stops here, not at the sample that ends the run.
            let bytes = takePollerBytes()
            epuMeter.close(at: now, pollerBytes: bytes)
        }
    }

    /// Finished at the first sample after the run drained and its pollers settled at their floor.
    public func isFinished(at now: SimTime) -> Bool { settled }
}
