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

    /// The model's random streams, one per subsystem.
    var random: Randomness
    /// Figures derived once from the configuration and profile.
    let constants: Constants
    /// Run-wide counts and extremes that feed the summary.
    var totals = Totals()
    /// What the next time-series row is measured against.
    var sampling = Sampling()
    /// What the scaler has read between its evaluations.
    var readings = ScalerReadings()
    /// The compressed path's search for steady cycles, and what it skipped.
    var steady: SteadyStretch

    // Running state.
    /// Invocations running, as of the last `settleConcurrency`.
    var concurrency = 0
    /// Invocation starts (true) and ends (false) not yet counted. Ends are urgent, so
    /// within a tick they come first: an invocation ending as another starts frees its place.
    var concurrencyChanges = EventQueue<Bool>()
    /// Records of invocations committed to but not yet started, at their start times:
    /// `settleConcurrency` counts them as invoked when their time comes.
    var invokedRecordStarts = EventQueue<Int64>()
    /// The function's execution environments, as of the last `settleConcurrency`; unused
    /// when co-simulated (`sharedConcurrency` holds the function's pool).
    var environments: ExecutionEnvironmentPool
    var drainTime: SimTime?
    var productionOver = false
    var settled = false
    /// When the run first drained with no scaling action pending and its pollers at their floor.
    var settledAt: SimTime?
    var lastPollerChange: SimTime = 0
    /// The scaler deciding the poller count.
    var scaler: PollerScaler
    var epuMeter: EPUMeter
    /// The function's concurrency when other ESMs, co-simulated, invoke it too; nil alone.
    var sharedConcurrency: FunctionConcurrency?
    /// This ESM's index among the co-simulated ones, which its shared invocations carry.
    var mappingIndex: Int32 = 0

    /// Prepares a run of `configuration`.
    public init(_ configuration: ModelConfiguration) {
        self.configuration = configuration
        let settings = configuration.settings
        let profile = configuration.profile
        let behaviour = profile.behaviour(provisioned: settings.isProvisioned)
        self.behaviour = behaviour
        let streams = RandomStreams(seed: configuration.seed)
        split = PartitionSplit(topic: configuration.topic)
        var curve = ArrivalCurve(
            schedule: configuration.production, initialCount: configuration.topic.backlogRecords,
            random: streams.stream("producer"))
        let start = Self.startingPoint(configuration, curve: &curve)
        self.curve = curve
        random = Randomness(streams)
        let constants = Constants(configuration, behaviour: behaviour, skippedRecords: start.skippedRecords)
        self.constants = constants

        let partitionCount = configuration.topic.partitions
        let bounds = Self.pollerBounds(configuration, behaviour: behaviour)
        let initialPollers = settings.isProvisioned
            ? bounds.floor
            : min(max(bounds.floor, Int(behaviour.initialPollers)), bounds.ceiling)
        let policy = ScalerPolicy(
            behaviour: behaviour, floor: bounds.floor, ceiling: bounds.ceiling, partitions: partitionCount,
            batchRecords: Double(constants.batchLimit), concurrencyLimit: configuration.function.concurrencyLimit)
        let fullBatchSeconds = configuration.function.meanDurationSeconds(records: Double(constants.batchLimit))
        let prior = CapacityEstimate(
            slotSecondsPerBatch: behaviour.pollOverheadSeconds + fullBatchSeconds + behaviour.commitOverheadSeconds,
            invocationSecondsPerBatch: fullBatchSeconds, bytesPerRecord: constants.recordSizeMean)

        let split = self.split
        steady = SteadyStretch(
            CompressionEligibility(configuration, constants: constants),
            backlog: (0..<partitionCount).map { split.count(of: $0, total: configuration.topic.backlogRecords) })
        partitions = (0..<partitionCount).map { index in
            var partition = PartitionState(start: split.count(of: index, total: start.skippedRecords))
            partition.lastFetchedArrival = start.firstArrival
            return partition
        }
        pollers = Array(repeating: PollerState(bytesFreeAt: 0), count: initialPollers)
        for index in partitions.indices { partitions[index].poller = Int32(index % initialPollers) }
        // Pollers beyond the partition count cannot exist, so they are never billed.
        epuMeter = EPUMeter(
            profile: profile,
            provisioned: settings.provisionedPollers.map { _ in .init(minimum: bounds.floor, maximum: bounds.ceiling) },
            mappings: configuration.mappingsInPollerGroup)
        scaler = PollerScaler(policy: policy, prior: prior)
        environments = ExecutionEnvironmentPool(configuration.function, profile: profile)
        listPollerPartitions()
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

    /// Events between two calls of a run's `progress`.
    public static let progressInterval = 1 << 20

    /// Runs to completion (drained and settled) or to the horizon. `progress`, when
    /// given, is told the simulated time every million events or so (it must not reach an
    /// output: it is for a long run's progress on the console).
    public static func run(_ configuration: ModelConfiguration, progress: ((SimTime) -> Void)? = nil) -> RunResult {
        var simulation = ESMSimulation(configuration)
        return simulation.run(progress: progress)
    }

    /// Runs this simulation once, telling `progress` the simulated time now and then.
    public mutating func run(progress: ((SimTime) -> Void)? = nil) -> RunResult {
        var queue = EventQueue<ModelEvent>()
        scheduleStart(on: &queue)
        let budget = configuration.eventBudget ?? .max
        var outcome: (stop: EventLoop.Stop, time: SimTime, handled: Int) = (.exhausted, 0, 0)
        while true {
            // Slices of the budget: a slice stopped at its limit with work left resumes exactly.
            let left = budget - outcome.handled
            let part = EventLoop.run(&self, queue: &queue, until: configuration.horizon, eventLimit: progress == nil ? left : min(Self.progressInterval, left))
            outcome = (part.stop, part.time, outcome.handled + part.handled)
            guard part.stop == .eventLimit else { break }
            if outcome.handled < budget {
                progress?(part.time)
                continue
            }
            // The budget is spent. A run that settled already has only the events up to the
            // sample that ends it left, so it finishes as it would have without a budget.
            if settledAt != nil {
                let rest = EventLoop.run(&self, queue: &queue, until: configuration.horizon)
                outcome = (rest.stop, rest.time, outcome.handled + rest.handled)
            }
            break
        }
        // The run ends when it settled; the events up to the sample that noticed change nothing.
        let endTime = settledAt ?? outcome.time
        close(at: endTime)
        var result = result(endTime: endTime, handledEvents: outcome.handled)
        if outcome.stop == .eventLimit { result.summary.eventBudgetSpentAt = outcome.time }
        return result
    }

    /// Schedules the events a run starts with: the first sample, every partition's first
    /// fetch, the scaler's first reading and the end of production.
    mutating func scheduleStart(on queue: inout EventQueue<ModelEvent>) {
        queue.schedule(.sample, at: 0)
        for index in partitions.indices {
            partitions[index].phase = .waiting
            partitions[index].wakeAt = 0
            queue.schedule(.fetch(Int32(index)), at: 0)
        }
        readings.producedAtLast = producedTotal(at: 0)
        queue.schedule(.evaluate, at: scaler.policy.readingInterval)
        queue.schedule(.productionEnded, at: curve.productionEnd)
    }

    /// Ends the run at `endTime`: counts the invocations up to it, stops EPU billing and
    /// adds the last row.
    mutating func close(at endTime: SimTime) {
        settleConcurrency(at: endTime)
        closeSampling(at: endTime)
    }

    /// The run's rows and summary, once it is closed.
    func result(endTime: SimTime, handledEvents: Int) -> RunResult {
        var summary = summary(endTime: endTime, handledEvents: handledEvents + steady.skippedEvents)
        summary.handledEvents = handledEvents
        return RunResult(rows: sampling.rows, summary: summary)
    }

    /// Schedules a partition's event, noting how far ahead of the event being handled: a
    /// sample or scaler reading a compressed step passes must come before every batch
    /// event of its tick (`OutsideMoment`).
    mutating func schedule(_ event: ModelEvent, at time: SimTime, on queue: inout EventQueue<ModelEvent>) {
        steady.longestLead = max(steady.longestLead, time - steady.clock)
        queue.schedule(event, at: time)
    }

    /// Records the ESM is responsible for that are in the topic at `time`.
    mutating func producedTotal(at time: SimTime) -> Int64 {
        // Zero, not negative, before an AT_TIMESTAMP start's first record arrives.
        max(curve.count(at: time) - constants.skippedRecords, 0)
    }
}

extension ESMSimulation: EventHandler {
    /// Handles one model event.
    public mutating func handle(_ event: ModelEvent, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        steady.clock = now
        defer {
            // Checked before a skip moves the state past `now` (the skip checks its own).
            checkInvariants(after: event, at: now)
            compressIfSteady(after: event, at: now, queue: &queue)
        }
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
        if configuration.cutoff.isActive && settledAt == nil { checkCutoff(at: now) }
    }

    /// Finished at the first sample after the run drained and its pollers settled at their
    /// floor, or at once when its cutoff stopped it.
    public func isFinished(at now: SimTime) -> Bool { settled || totals.cutOffAt != nil }
}
