import EventEngine

extension ESMSimulation {
    /// Figures a run derives once from its configuration and profile, in ticks and records.
    struct Constants {
        /// Most records in one batch: `BatchSize`, or fewer when the payload limit binds first.
        let batchLimit: Int64
        /// Batches one poller keeps in flight, from fetch to commit.
        let slotsPerPoller: Int
        /// Time from fetching a batch to its invocation starting.
        let pollOverhead: SimTime
        /// Time from an invocation ending to its offsets being committed.
        let commitOverhead: SimTime
        /// Wait before a throttled invocation is tried again (at least one tick, so retries progress).
        let throttleRetry: SimTime
        /// Wait before a failed batch is tried again.
        let errorRetry: SimTime
        /// Pause of a partition that moves to another poller.
        let rebalancePause: SimTime
        /// Time from a scaling decision to the new poller count.
        let actuationDelay: SimTime
        /// Retries of a failing batch before its records are dropped; nil: until they expire or forever.
        let retryLimit: Int?
        /// Mean record size in bytes (at least 1, so payload arithmetic never divides by zero).
        let recordSizeMean: Double
        /// Standard deviation of the record size in bytes.
        let recordSizeDeviation: Double
        /// Records a LATEST or AT_TIMESTAMP start leaves out.
        let skippedRecords: Int64
        /// The share of records `FilterCriteria` lets through; nil without filters.
        let filter: ProportionalCount?
        /// The share of on-failure deliveries that fail; nil without a destination.
        let deliveryFailures: ProportionalCount?
        /// Whether the function can never be throttled: at most one batch per partition is in
        /// flight, the partitions fit within its concurrency limit, and so few environments
        /// are ever needed at once that the scaling rate cannot bind.
        let throttlingImpossible: Bool
        /// Whether a new environment's first invocation takes longer (`initDuration`), so
        /// an invocation's end depends on the environment pool at its start.
        let coldStartsTakeTime: Bool

        /// Derives the constants of `configuration` under `behaviour`.
        init(_ configuration: ModelConfiguration, behaviour: ScalingBehaviour, skippedRecords: Int64) {
            let settings = configuration.settings
            let profile = configuration.profile
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
            let function = configuration.function
            // Co-simulated ESMs start on the function's one pool, so the bound is all of theirs.
            let functionPartitions = configuration.topic.partitions + configuration.partitionsOfOtherMappings
            throttlingImpossible = functionPartitions <= function.concurrencyLimit
                && !ExecutionEnvironmentPool(function, profile: profile).scalingRateCanBind(maximumConcurrency: functionPartitions)
            coldStartsTakeTime = function.hasColdStartTime
            retryLimit = settings.retryLimit(retriesWithDestination: Int(profile.retriesWithDestination))
            filter = settings.filterMatchShare.map(ProportionalCount.init(share:))
            deliveryFailures = settings.hasOnFailureDestination
                ? ProportionalCount(share: settings.destinationDeliveryFailureShare) : nil
            self.skippedRecords = skippedRecords
        }
    }
}
