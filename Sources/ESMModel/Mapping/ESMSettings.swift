import EventEngine

/// The event source mapping's own settings, named and bounded as in the AWS API.
public struct ESMSettings: Equatable, Sendable {
    /// Where a new ESM starts reading.
    public enum StartingPosition: String, Equatable, Sendable, CaseIterable {
        /// The oldest record still in the topic: the backlog is processed.
        case trimHorizon = "TRIM_HORIZON"
        /// Just after the newest record: the backlog is skipped.
        case latest = "LATEST"
        /// The first record written at or after `StartingPositionTimestamp`.
        case atTimestamp = "AT_TIMESTAMP"
    }

    /// `ProvisionedPollerConfig`: provisioned mode's poller bounds.
    public struct ProvisionedPollers: Equatable, Sendable {
        /// `MinimumPollers`, 1...200, default 1.
        public var minimum: Int
        /// `MaximumPollers`, 1...2,000, default 200.
        public var maximum: Int

        /// Creates the bounds.
        public init(minimum: Int = 1, maximum: Int = 200) {
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// `BatchSize`, 1...10,000, default 100.
    public var batchSize: Int
    /// `MaximumBatchingWindowInSeconds` as ticks; Kafka's default is 500 ms.
    public var batchingWindow: SimTime
    /// `StartingPosition`.
    public var startingPosition: StartingPosition
    /// `ProvisionedPollerConfig`; nil means on-demand mode.
    public var provisionedPollers: ProvisionedPollers?
    /// `MaximumRetryAttempts`: -1 retries forever (the default).
    public var maximumRetryAttempts: Int
    /// Whether an on-failure destination is configured.
    public var hasOnFailureDestination: Bool
    /// `MaximumRecordAgeInSeconds` as ticks: older records are not sent to the function
    /// but discarded (to the on-failure destination). Nil is -1, no limit (the default).
    public var maximumRecordAge: SimTime? = nil
    /// `BisectBatchOnFunctionError`: a failed batch is split in two and each half retried.
    public var bisectBatchOnFunctionError = false
    /// `FunctionResponseTypes: ["ReportBatchItemFailures"]`: the function reports the
    /// records it failed, and the batch is retried from the first of them.
    public var reportBatchItemFailures = false
    /// The share of the records sent to the on-failure destination whose delivery fails
    /// (an esmsim figure for the destination; 0, every delivery succeeds, by default).
    public var destinationDeliveryFailureShare = 0.0
    /// `StartingPositionTimestamp` with `AT_TIMESTAMP`, as seconds on the scenario's clock:
    /// 0 is when the ESM starts polling, negative times reach back into the backlog.
    public var startingPositionTimestamp: Double? = nil
    /// `FilterCriteria`: the share of records its filters (ORed) match; nil without
    /// filters, when every record is invoked.
    public var filterMatchShare: Double? = nil

    /// The Kafka default batching window.
    public static let defaultBatchingWindow: SimTime = 500 * Ticks.perMillisecond

    /// Creates settings with AWS's defaults.
    public init(
        batchSize: Int = 100, batchingWindow: SimTime = ESMSettings.defaultBatchingWindow,
        startingPosition: StartingPosition = .trimHorizon, provisionedPollers: ProvisionedPollers? = nil,
        maximumRetryAttempts: Int = -1, hasOnFailureDestination: Bool = false
    ) {
        self.batchSize = batchSize
        self.batchingWindow = batchingWindow
        self.startingPosition = startingPosition
        self.provisionedPollers = provisionedPollers
        self.maximumRetryAttempts = maximumRetryAttempts
        self.hasOnFailureDestination = hasOnFailureDestination
    }

    /// Whether the ESM runs in provisioned mode.
    public var isProvisioned: Bool { provisionedPollers != nil }

    /// The mode's name in outputs: `on-demand` or `provisioned`.
    public var modeName: String { isProvisioned ? "provisioned" : "on-demand" }

    /// Retries allowed after the first attempt, or nil for unlimited, applying the
    /// documented rule that infinite retries with a destination become `retriesWithDestination`.
    public func retryLimit(retriesWithDestination: Int) -> Int? {
        if maximumRetryAttempts >= 0 { return maximumRetryAttempts }
        return hasOnFailureDestination ? retriesWithDestination : nil
    }
}
