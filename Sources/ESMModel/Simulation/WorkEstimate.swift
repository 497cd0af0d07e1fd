import EventEngine
import Foundation

/// An up-front estimate of how much work a run will do, made from its configuration
/// alone, so that a run too big to finish (or to hold in memory) can be refused before
/// it starts rather than left to hang.
///
/// Each figure is an upper-leaning estimate, not a bound: the number of batches is the
/// smaller of what the records allow and what the partitions can cycle through before
/// the horizon; invocations add the expected retries of failed batches; throttled
/// attempts assume every batch slot beyond the function's limit retries for as long as
/// the function is saturated. Doubles throughout, so absurd inputs give large numbers
/// instead of overflowing.
public struct WorkEstimate: Equatable, Sendable {
    /// Records the ESM must process before the horizon (backlog it reads plus production).
    public var records: Double
    /// Batches fetched.
    public var batches: Double
    /// Invocations, retries included.
    public var invocations: Double
    /// Invocation attempts refused because the function was at its concurrency limit, or
    /// needed a new environment its scaling rate did not allow yet.
    public var throttledAttempts: Double
    /// The part of `throttledAttempts` the scaling rate refuses (the rest meet the
    /// concurrency limit), so a refusal can name the cause that dominates.
    public var scalingRateAttempts: Double
    /// The most invocations at once the run is expected to reach: its batches in flight,
    /// capped by the function's limit (what the scaling rate must create environments for).
    public var concurrencyReached: Double
    /// Time-series rows.
    public var rows: Double
    /// Partition visits made by sampling and rebalancing (each sample and each rebalance
    /// walks every partition).
    public var partitionVisits: Double
    /// Steps spent on distributions given as lists: reading their mean and spread once,
    /// and a binary search of an empirical CDF per drawn duration.
    public var distributionSteps: Double
    /// Engine events, partition visits and distribution steps included as one event each:
    /// the run's expected cost, with steady stretches compressed where the run may be.
    public var events: Double
    /// `events` if every batch were simulated one by one: what a run that finds none of
    /// the steady cycles `events` counts on would cost (`ModelConfiguration.eventBudget`
    /// stops such a run).
    public var uncompressedEvents: Double

    /// Estimates the work of a run of `configuration`.
    public init(_ configuration: ModelConfiguration) {
        let settings = configuration.settings
        let profile = configuration.profile
        let behaviour = profile.behaviour(provisioned: settings.isProvisioned)
        let horizon = Ticks.toSeconds(max(configuration.horizon, 0))
        let partitions = Double(configuration.topic.partitions)

        let backlog = settings.startingPosition == .latest ? 0 : Double(configuration.topic.backlogRecords)
        var produced = 0.0
        var producing = 0.0
        for piece in configuration.production.pieces where piece.start < configuration.horizon {
            let seconds = Ticks.toSeconds(min(piece.end, configuration.horizon) - piece.start)
            produced += piece.recordsPerSecond * seconds
            producing += seconds
        }
        records = backlog + produced

        let recordSize = max(configuration.topic.recordSizeBytes.mean, 1)
        let batchLimit = max(1, min(Double(settings.batchSize), (profile.payloadLimitBytes / recordSize).rounded(.down)))
        let duration = max(configuration.function.meanDurationSeconds(records: 1), Ticks.toSeconds(1))
        let overhead = behaviour.pollOverheadSeconds + behaviour.commitOverheadSeconds
        let cycle = duration + overhead
        let attemptCycle = duration + min(overhead, profile.errorRetrySeconds)
        let window = Ticks.toSeconds(settings.batchingWindow)

        // A partition holds one batch at a time; a batch short of BatchSize goes out at
        // most once per window or cycle, and only while records keep arriving.
        let fullBatches = records / batchLimit
        let shortBatches = partitions * (producing / max(cycle, window) + 1)
        batches = min(records, fullBatches + shortBatches, partitions * (horizon / cycle + 1))

        let pollerCeiling = settings.provisionedPollers.map { min(Double($0.maximum), partitions) } ?? partitions
        let slots = max(1, behaviour.invocationsPerPoller.rounded(.down))
        let batchesInFlight = min(partitions, max(1, pollerCeiling) * slots)
        let limit = Double(max(configuration.function.concurrencyLimit, 0))
        invocations = min(
            batches * Self.attemptsPerBatch(configuration),
            batchesInFlight * (horizon / attemptCycle + 1),
            limit * (horizon / duration + 1))

        if batchesInFlight > limit {
            let saturated = limit > 0 ? min(horizon, invocations * duration / limit) : horizon
            let retry = max(profile.throttleRetrySeconds, Ticks.toSeconds(1))
            throttledAttempts = (batchesInFlight - limit) * (saturated / retry + 1)
        } else {
            throttledAttempts = 0
        }
        concurrencyReached = min(batchesInFlight, limit)
        scalingRateAttempts = Self.scalingRateThrottles(configuration, concurrent: concurrencyReached, horizon: horizon)
        throttledAttempts += scalingRateAttempts

        let sampleInterval = Ticks.toSeconds(max(configuration.sampleInterval, 1))
        rows = horizon / sampleInterval + 2
        let evaluations = horizon / max(behaviour.evaluationIntervalSeconds, 1) + 1
        partitionVisits = partitions * (rows + evaluations)
        let lists = Self.listSize(configuration.topic.recordSizeBytes)
            + Self.listSize(configuration.function.durationDistribution) + Self.listSize(configuration.function.initDuration)
        // What compression leaves alone: each partition's start, samples, the scaler's
        // readings and actuations, and the visits they make.
        let perRun = partitions + rows + 2 * evaluations + partitionVisits
        distributionSteps = lists + invocations * Self.drawSteps(configuration.function.durationDistribution)
        uncompressedEvents = perRun + Self.batchEvents(
            batches: batches, invocations: invocations, throttledAttempts: throttledAttempts, distributionSteps: distributionSteps)
        let shape = RunShape(
            partitions: partitions, horizon: horizon, batchLimit: batchLimit, cycle: cycle, window: window,
            backlog: backlog, moments: rows + evaluations + (settings.isProvisioned ? horizon / max(profile.epuMeteringSeconds, 1) : 0),
            pollerBounds: ESMSimulation.pollerBounds(configuration, behaviour: behaviour))
        if let compressed = Self.compressedBatches(configuration, behaviour: behaviour, shape: shape), compressed < batches {
            // Compressed runs simulate a few cycles per steady stretch, not every batch.
            let share = compressed / max(batches, 1)
            invocations *= share
            throttledAttempts *= share
            scalingRateAttempts *= share
            batches = compressed
            distributionSteps = lists + invocations * Self.drawSteps(configuration.function.durationDistribution)
        }
        events = perRun + Self.batchEvents(
            batches: batches, invocations: invocations, throttledAttempts: throttledAttempts, distributionSteps: distributionSteps)
    }

    /// The events of the batches: a wake-up each; per invocation its start and then
    /// either the commit (success) or the failure's end; every throttled attempt; the
    /// distribution steps as one event each.
    static func batchEvents(batches: Double, invocations: Double, throttledAttempts: Double, distributionSteps: Double) -> Double {
        batches + 2 * invocations + throttledAttempts + distributionSteps
    }

    /// The values or points a distribution lists (0 for a parametric one).
    static func listSize(_ distribution: Distribution?) -> Double {
        switch distribution {
        case .empirical(let values): return Double(values.count)
        case .empiricalCDF(let points): return Double(points.count)
        default: return 0
        }
    }

    /// Steps of one draw beyond the first: the binary search of an empirical CDF.
    static func drawSteps(_ distribution: Distribution?) -> Double {
        guard case .empiricalCDF(let points) = distribution else { return 0 }
        return log2(Double(max(points.count, 1))).rounded(.up)
    }

    /// Expected invocations per batch: failed attempts are retried up to the retry limit.
    static func attemptsPerBatch(_ configuration: ModelConfiguration) -> Double {
        // An attempt fails on a function error, or on any failed record of a full batch
        // (with ReportBatchItemFailures the retry is shorter, but it is an attempt still).
        let clean = pow(1 - min(max(configuration.function.recordFailureShare, 0), 1), Double(configuration.settings.batchSize))
        let failure = 1 - (1 - min(max(configuration.function.errorProbability, 0), 1)) * clean
        let limit = configuration.settings.retryLimit(
            retriesWithDestination: Int(configuration.profile.retriesWithDestination))
        guard let limit else { return failure < 1 ? 1 / (1 - failure) : .infinity }
        // 1 + p + p^2 + ... + p^limit, stopping once the terms no longer matter.
        var attempts = 0.0
        var chance = 1.0
        for _ in 0...max(limit, 0) where chance > 1e-12 {
            attempts += chance
            chance *= failure
        }
        return attempts
    }
}
