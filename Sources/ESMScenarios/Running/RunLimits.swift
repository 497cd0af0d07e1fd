import ESMFormats
import ESMModel
import EventEngine

/// The largest run esmsim agrees to start: runs whose `WorkEstimate` exceeds these
/// limits are refused up front, with a message saying why and what to change, instead
/// of running for hours or exhausting memory.
///
/// A run that may compress is judged by its compressed estimate, which counts on steady
/// cycles it has yet to find; when it would not fit batch by batch it runs with the event
/// limit as its budget (`eventBudget(for:)`), and one that spends it stops and is
/// reported as failed (`ScenarioRunner.checkFinished`), with nothing written.
public struct RunLimits: Equatable, Sendable {
    /// Most engine events (partition visits included); about two minutes of a release build.
    public var maximumEvents: Double
    /// Most time-series rows held in memory and written.
    public var maximumRows: Double
    /// Shortest sampling interval: CloudWatch's finest period, one second.
    public var minimumSampleInterval: SimTime

    /// Record counts pass through `Double` arrival curves, exact up to 2^53.
    public static let exactRecordCount = 9_007_199_254_740_992.0

    /// The limits of the command line.
    public static let standard = RunLimits()
    /// No event limit, so no run gets an event budget (rows and records are still bounded).
    public static let unlimited = RunLimits(maximumEvents: .infinity)

    /// Creates limits.
    public init(maximumEvents: Double = 500_000_000, maximumRows: Double = 1_000_000, minimumSampleInterval: SimTime = Ticks.perSecond) {
        self.maximumEvents = maximumEvents
        self.maximumRows = maximumRows
        self.minimumSampleInterval = minimumSampleInterval
    }

    /// Why a run of `configuration` (from `file`) is too large, one problem per reason;
    /// empty when it fits.
    public func problems(for configuration: ModelConfiguration, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func refuse(_ path: String, _ message: String) {
            problems.append(Diagnostic(file: file, line: 0, column: 0, path: path, message: message))
        }
        if configuration.sampleInterval < minimumSampleInterval {
            refuse("", "a sampling interval of \(CSVFormat.seconds(configuration.sampleInterval)) s is below the \(CSVFormat.seconds(minimumSampleInterval)) s minimum")
            return problems
        }
        let estimate = WorkEstimate(configuration)
        if estimate.records > Self.exactRecordCount {
            refuse("", "about \(Self.approximate(estimate.records)) records before the horizon, more than the 2^53 (about \(Self.approximate(Self.exactRecordCount))) esmsim counts exactly; lower topic.backlogRecords or producer.recordsPerSecond, or shorten horizonSeconds")
            return problems
        }
        let horizon = FieldReader.format(Ticks.toSeconds(configuration.horizon).rounded())
        if estimate.rows > maximumRows {
            refuse("horizonSeconds", "\(horizon) s at one row every \(CSVFormat.seconds(configuration.sampleInterval)) s makes about \(Self.approximate(estimate.rows)) time-series rows, more than the \(Self.approximate(maximumRows)) esmsim holds; sample less often or shorten horizonSeconds")
        }
        if estimate.events > maximumEvents {
            refuse("", "too large to simulate: about \(Self.approximate(estimate.events)) events (the limit is \(Self.approximate(maximumEvents))), mostly \(Self.mainCost(of: estimate, configuration: configuration, horizon: horizon))")
        }
        return problems
    }

    /// The engine events a run of `configuration` may handle: nil when even batch by batch
    /// its estimate fits the limit, else the limit itself.
    public func eventBudget(for configuration: ModelConfiguration) -> Int? {
        guard configuration.compression, WorkEstimate(configuration).uncompressedEvents > maximumEvents else { return nil }
        return Int(min(maximumEvents, Double(Int.max)))
    }

    /// Why a run that spent its budget stopped at `time`, in words, with what to change.
    public func budgetSpent(at time: SimTime) -> String {
        "stopped at \(FieldReader.format(Ticks.toSeconds(time).rounded())) s of simulated time, after \(Self.approximate(maximumEvents)) "
            + "events, the most a run may handle: its estimate counted on steady stretches to compress, and the run found fewer. "
            + "Allow more events (--max-events), shorten horizonSeconds, or give the producer's pieces constant rates that repeat "
            + "well within each piece (a whole number of records per second per partition)"
    }

    /// The largest share of the estimate, in words, with the fields that would shrink it.
    static func mainCost(of estimate: WorkEstimate, configuration: ModelConfiguration, horizon: String) -> String {
        let partitions = FieldReader.format(Double(configuration.topic.partitions))
        let batchWork = 3 * estimate.batches + 2 * estimate.invocations
        if estimate.partitionVisits >= batchWork && estimate.partitionVisits >= estimate.throttledAttempts {
            return "visits to \(partitions) partitions at each of \(approximate(estimate.rows)) samples and scaler evaluations; use fewer topic.partitions or a shorter horizonSeconds"
        }
        if estimate.throttledAttempts >= batchWork {
            return throttleCost(of: estimate, configuration: configuration)
        }
        return "\(approximate(estimate.invocations)) invocations carrying \(approximate(estimate.records)) records over \(partitions) partitions within the \(horizon) s horizon; raise eventSourceMapping.BatchSize, or shorten horizonSeconds"
    }

    /// The throttled attempts in words, naming the cause that makes most of them: the
    /// function's concurrency limit, or the scaling rate at which Lambda creates its
    /// execution environments (which reserved concurrency does not lift).
    static func throttleCost(of estimate: WorkEstimate, configuration: ModelConfiguration) -> String {
        let attempts = approximate(estimate.throttledAttempts)
        let limitAttempts = estimate.throttledAttempts - estimate.scalingRateAttempts
        guard estimate.scalingRateAttempts > limitAttempts else {
            return "\(attempts) throttled invocation attempts against a concurrency limit of \(configuration.function.concurrencyLimit); raise function.reservedConcurrency or shorten horizonSeconds"
        }
        let profile = configuration.profile
        let noun = profile.scalingRateEnvironments == 1 ? "environment" : "environments"
        let rate = "\(FieldReader.format(profile.scalingRateEnvironments)) new execution \(noun) per \(FieldReader.format(profile.scalingRateWindowSeconds)) s"
        return "\(attempts) throttled invocation attempts while Lambda's scaling rate (\(rate), profile \(profile.name)) creates the function's execution environments; raise function.ProvisionedConcurrentExecutions (environments ready from the start), lower the concurrency the ESM reaches, or shorten horizonSeconds"
    }

    /// A large count in words with two significant figures ("4.8 billion"); exact below a million.
    public static func approximate(_ value: Double) -> String {
        guard value < 1e18 else { return "more than 10^18" }
        let scales: [(Double, String)] = [(1e15, "quadrillion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
        for (scale, word) in scales where value >= scale {
            let scaled = value / scale
            let places = scaled < 10 ? 1 : 0
            return "\(CSVFormat.decimal(scaled, places: places)) \(word)"
        }
        return FieldReader.format(value.rounded())
    }
}
