import EventEngine

/// The Lambda function behind the ESM: how long it runs, what it is billed as, how
/// often it fails, and how far it may scale.
public struct FunctionSpec: Equatable, Sendable {
    /// How long one invocation runs.
    public enum DurationModel: Equatable, Sendable {
        /// A duration in milliseconds drawn from a distribution, whatever the batch size.
        case distribution(Distribution)
        /// A base plus a cost per record in the batch, in milliseconds.
        case perRecord(baseMilliseconds: Double, perRecordMilliseconds: Double)
    }

    /// Instruction set, which sets the price of a GB-second.
    public enum Architecture: String, Equatable, Sendable, CaseIterable {
        /// Intel / AMD.
        case x86_64
        /// Graviton.
        case arm64
    }

    /// The longest a function behind a Kafka ESM may run: 14 minutes.
    public static let maximumDuration: SimTime = 14 * 60 * Ticks.perSecond
    /// Lambda's default account concurrency.
    public static let defaultAccountConcurrency = 1_000
    /// Concurrent executions AWS keeps unreserved in every account (API PutFunctionConcurrency).
    public static let unreservedConcurrencyMinimum = 100

    /// Invocation duration.
    public var duration: DurationModel
    /// Configured memory, MB.
    public var memoryMB: Int
    /// Instruction set.
    public var architecture: Architecture
    /// Probability that one invocation fails (the whole batch is retried).
    public var errorProbability: Double
    /// Share of records the function fails to process, each independently (an esmsim
    /// figure): with `FunctionResponseTypes: ["ReportBatchItemFailures"]` the function
    /// reports the first failed record and the batch is retried from it; without, a failed
    /// record fails the invocation and the whole batch is retried.
    public var recordFailureShare: Double = 0
    /// Reserved concurrency, if set: both a guarantee and a cap.
    public var reservedConcurrency: Int?
    /// The account's concurrency limit, which caps the function when nothing is reserved.
    public var accountConcurrency: Int
    /// How long a new execution environment initializes before its first invocation
    /// (Lambda's `Init Duration`), in milliseconds; nil: initialization takes no time.
    public var initDuration: Distribution?
    /// `ProvisionedConcurrentExecutions`: environments kept initialized, so up to this
    /// many invocations at once never start cold. Part of the concurrency limit, not extra.
    public var provisionedConcurrentExecutions: Int

    /// Creates a function description.
    public init(
        duration: DurationModel, memoryMB: Int = 128, architecture: Architecture = .x86_64,
        errorProbability: Double = 0, reservedConcurrency: Int? = nil,
        accountConcurrency: Int = FunctionSpec.defaultAccountConcurrency,
        initDuration: Distribution? = nil, provisionedConcurrentExecutions: Int = 0
    ) {
        self.duration = duration
        self.memoryMB = memoryMB
        self.architecture = architecture
        self.errorProbability = errorProbability
        self.reservedConcurrency = reservedConcurrency
        self.accountConcurrency = accountConcurrency
        self.initDuration = initDuration
        self.provisionedConcurrentExecutions = provisionedConcurrentExecutions
    }

    /// Concurrent executions above which invocations are throttled.
    public var concurrencyLimit: Int { reservedConcurrency ?? accountConcurrency }

    /// One invocation's duration for a batch of `records`, in ticks: at least one tick
    /// and at most the 14-minute timeout.
    public func sampleDuration(records: Int64, _ random: inout RandomStream) -> SimTime {
        sampleInvocation(records: records, &random).duration
    }

    /// One invocation's duration for a batch of `records`, in ticks (at least one), and
    /// whether it hit the 14-minute timeout: such an invocation is billed the full
    /// timeout and fails, as Lambda ends it there.
    public func sampleInvocation(records: Int64, _ random: inout RandomStream) -> (duration: SimTime, timedOut: Bool) {
        let milliseconds: Double
        switch duration {
        case .distribution(let distribution):
            milliseconds = distribution.sample(&random)
        case .perRecord(let base, let perRecord):
            milliseconds = base + perRecord * Double(records)
        }
        let ticks = Ticks.milliseconds(milliseconds)
        if ticks > Self.maximumDuration { return (Self.maximumDuration, true) }
        return (max(ticks, 1), false)
    }

    /// The mean duration of an invocation of `records` records, in seconds.
    public func meanDurationSeconds(records: Double) -> Double {
        switch duration {
        case .distribution(let distribution): return distribution.mean / 1_000
        case .perRecord(let base, let perRecord): return (base + perRecord * records) / 1_000
        }
    }
}
