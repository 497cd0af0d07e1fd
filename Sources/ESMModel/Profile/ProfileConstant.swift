/// The catalogue of profile constants: each one's name in profile files, unit, meaning,
/// and where it lives in `BehaviourProfile`.
public struct ProfileConstant: @unchecked Sendable {  // key paths are immutable values
    /// The constant's name in profile files (`provisioned.actuationDelaySeconds`).
    public let name: String
    /// Its unit (`s`, `records`, `pollers`...).
    public let unit: String
    /// What it controls.
    public let meaning: String
    /// Where it is stored.
    public let keyPath: WritableKeyPath<BehaviourProfile, Double>
    /// Whether only whole numbers make sense.
    public let isWhole: Bool
    /// The values a profile may give: wide enough for any service behaviour worth
    /// simulating, narrow enough that no value overflows the model or bills absurdly
    /// (a poller throughput of 0 would never finish a fetch; an EPU of 1 byte/s would
    /// bill millions). Checked when a profile is loaded; holds `search.range`.
    public let range: ClosedRange<Double>
    /// Where calibration may look for this constant's value, and on what grid.
    public let search: SearchGrid
    /// For a constant a profile file may leave out (one that only a non-default
    /// mechanism reads), the value it then takes; nil for a constant every file must give.
    public internal(set) var defaultValue: Double? = nil

    /// The values calibration may try: multiples of `step` within `range`.
    public struct SearchGrid: Equatable, Sendable {
        /// Allowed values.
        public let range: ClosedRange<Double>
        /// Spacing of tried values.
        public let step: Double
    }

    /// The documentation of one constant in a profile file.
    public struct Note: Equatable, Sendable {
        /// The constant's name.
        public var name: String
        /// Where its value comes from: `documented`, `fitted` or `assumed`.
        public var provenance: String
        /// The evidence: a quoted fact, the fit it came from, or the assumption made.
        public var evidence: String

        /// Creates a note.
        public init(name: String, provenance: String, evidence: String) {
            self.name = name
            self.provenance = provenance
            self.evidence = evidence
        }
    }

    /// Every constant, in the order profile files and `esmsim profiles` list them.
    public static let catalog: [ProfileConstant] = modeConstants(prefix: "onDemand", \.onDemand)
        + modeConstants(prefix: "provisioned", \.provisioned)
        + [
            ProfileConstant(name: "rebalancePauseSeconds", unit: "s",
                            meaning: "consumption stops for this long when the poller count changes", keyPath: \.rebalancePauseSeconds, isWhole: false, range: 0...3_600, search: .init(range: 0...600, step: 5)),
            ProfileConstant(name: "throttleRetrySeconds", unit: "s",
                            meaning: "wait before a throttled invocation is retried", keyPath: \.throttleRetrySeconds, isWhole: false, range: 0.001...3_600, search: .init(range: 0.05...60, step: 0.05)),
            ProfileConstant(name: "errorRetrySeconds", unit: "s",
                            meaning: "wait before a failed batch is invoked again", keyPath: \.errorRetrySeconds, isWhole: false, range: 0...3_600, search: .init(range: 0...60, step: 0.05)),
            ProfileConstant(name: "payloadLimitBytes", unit: "bytes",
                            meaning: "largest invocation payload", keyPath: \.payloadLimitBytes, isWhole: true, range: 1_024...67_108_864, search: .init(range: 1_024...6_291_456, step: 1_024)),
            ProfileConstant(name: "retriesWithDestination", unit: "retries",
                            meaning: "retries used when MaximumRetryAttempts is -1 and an on-failure destination is set", keyPath: \.retriesWithDestination, isWhole: true, range: 0...10_000, search: .init(range: 0...10_000, step: 1)),
            ProfileConstant(name: "epuBytesPerSecond", unit: "bytes/s",
                            meaning: "throughput one Event Poller Unit supports", keyPath: \.epuBytesPerSecond, isWhole: false, range: 1_000_000...1_000_000_000, search: .init(range: 1_000_000...100_000_000, step: 1_000_000)),
            ProfileConstant(name: "pollersPerEPU", unit: "pollers",
                            meaning: "pollers one EPU holds when each is light", keyPath: \.pollersPerEPU, isWhole: true, range: 1...1_000, search: .init(range: 1...100, step: 1)),
            ProfileConstant(name: "epuMinimumBillingSeconds", unit: "s",
                            meaning: "shortest time an EPU is billed once started", keyPath: \.epuMinimumBillingSeconds, isWhole: false, range: 0...86_400, search: .init(range: 0...3_600, step: 1)),
            ProfileConstant(name: "epuMeteringSeconds", unit: "s",
                            meaning: "period over which poller throughput decides the EPU count", keyPath: \.epuMeteringSeconds, isWhole: false, range: 1...86_400, search: .init(range: 1...3_600, step: 1)),
            ProfileConstant(name: "epuScaleInSeconds", unit: "s",
                            meaning: "every period this long must need fewer EPUs before EPUs stop", keyPath: \.epuScaleInSeconds, isWhole: false, range: 0...86_400, search: .init(range: 0...3_600, step: 60)),
            ProfileConstant(name: "scalingRateEnvironments", unit: "environments",
                            meaning: "most new execution environments of one function in any scaling window", keyPath: \.scalingRateEnvironments, isWhole: true, range: 1...1_000_000, search: .init(range: 100...10_000, step: 100)),
            ProfileConstant(name: "scalingRateWindowSeconds", unit: "s",
                            meaning: "the window the function's scaling rate counts new environments over", keyPath: \.scalingRateWindowSeconds, isWhole: false, range: 0.001...3_600, search: .init(range: 1...600, step: 1)),
            ProfileConstant(name: "idleEnvironmentLifetimeSeconds", unit: "s",
                            meaning: "an on-demand execution environment idle this long is reclaimed", keyPath: \.idleEnvironmentLifetimeSeconds, isWhole: false, range: 1...86_400, search: .init(range: 60...7_200, step: 60)),
        ]
        + mechanismConstants(prefix: "onDemand", \.onDemand)
        + mechanismConstants(prefix: "provisioned", \.provisioned)

    /// The constant called `name`, if any.
    public static func named(_ name: String) -> ProfileConstant? {
        catalog.first { $0.name == name }
    }

    private static func modeConstants(
        prefix: String, _ mode: WritableKeyPath<BehaviourProfile, ScalingBehaviour>
    ) -> [ProfileConstant] {
        func constant(
            _ field: String, _ unit: String, _ meaning: String,
            _ path: WritableKeyPath<ScalingBehaviour, Double>, whole: Bool = false, range: ClosedRange<Double>, grid: SearchGrid
        ) -> ProfileConstant {
            ProfileConstant(name: "\(prefix).\(field)", unit: unit, meaning: meaning,
                            keyPath: mode.appending(path: path), isWhole: whole, range: range, search: grid)
        }
        return [
            constant("initialPollers", "pollers", "pollers at start (on-demand)", \.initialPollers, whole: true, range: 1...2_000, grid: .init(range: 1...200, step: 1)),
            constant("minimumPollers", "pollers", "fewest pollers scaled down to (on-demand)", \.minimumPollers, whole: true, range: 1...2_000, grid: .init(range: 1...200, step: 1)),
            constant("invocationsPerPoller", "batches", "batches one poller keeps in flight", \.invocationsPerPoller, whole: true, range: 1...100, grid: .init(range: 1...10, step: 1)),
            constant("pollerBytesPerSecond", "bytes/s", "fetch throughput of one poller", \.pollerBytesPerSecond, range: 1_000...10_000_000_000, grid: .init(range: 500_000...20_000_000, step: 500_000)),
            constant("pollOverheadSeconds", "s", "fetch to invocation start, per batch", \.pollOverheadSeconds, range: 0...60, grid: .init(range: 0...2, step: 0.005)),
            constant("commitOverheadSeconds", "s", "invocation end to commit, per batch", \.commitOverheadSeconds, range: 0...60, grid: .init(range: 0...2, step: 0.005)),
            constant("evaluationIntervalSeconds", "s", "how often offset lag is evaluated", \.evaluationIntervalSeconds, range: 1...86_400, grid: .init(range: 10...1_800, step: 10)),
            constant("readingIntervalSeconds", "s", "how often the scaler reads arrivals, lag and throughput", \.readingIntervalSeconds, range: 1...86_400, grid: .init(range: 10...1_800, step: 10)),
            constant("scaleUpEvaluations", "evaluations", "consecutive high-lag evaluations before adding pollers", \.scaleUpEvaluations, whole: true, range: 1...1_000, grid: .init(range: 1...20, step: 1)),
            constant("actuationDelaySeconds", "s", "scaling decision to pollers running", \.actuationDelaySeconds, range: 0...86_400, grid: .init(range: 0...900, step: 15)),
            constant("scaleOutHeadroom", "ratio", "capacity over demand the scaler adds pollers for", \.scaleOutHeadroom, range: 1...100, grid: .init(range: 1...5, step: 0.05)),
            constant("scaleInHeadroom", "ratio", "capacity over demand the remaining pollers must keep before any is removed", \.scaleInHeadroom, range: 1...1_000, grid: .init(range: 1...50, step: 0.05)),
            constant("lagWorkOffSeconds", "s", "time the scaler allows to work off the offset lag", \.lagWorkOffSeconds, range: 1...86_400, grid: .init(range: 10...3_600, step: 10)),
            constant("maxScaleUpStep", "pollers", "most pollers one scale-up adds (0 = no limit)", \.maxScaleUpStep, whole: true, range: 0...100_000, grid: .init(range: 0...2_000, step: 1)),
            constant("scaleDownDelaySeconds", "s", "low lag must last this long before scaling down", \.scaleDownDelaySeconds, range: 0...86_400, grid: .init(range: 0...3_600, step: 60)),
            constant("maxScaleDownStep", "pollers", "most pollers one scale-down removes (0 = no limit)", \.maxScaleDownStep, whole: true, range: 0...100_000, grid: .init(range: 0...2_000, step: 1)),
            constant("throttleScaleDownStep", "pollers", "pollers removed after an evaluation that saw throttling", \.throttleScaleDownStep, whole: true, range: 0...100_000, grid: .init(range: 0...100, step: 1)),
        ]
    }
}
