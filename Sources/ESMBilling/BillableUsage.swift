import ESMModel

/// What a run or an estimate bills: EPU time, function requests and function duration.
public struct BillableUsage: Equatable, Sendable {
    /// Event Poller Unit time, EPU-seconds (0 on-demand).
    public var epuSeconds: Double
    /// Function requests (invocations).
    public var requests: Double
    /// Function duration, GB-seconds: billed seconds times memory in GB (MB / 1024).
    public var gbSeconds: Double
    /// The function's architecture, which sets the GB-second price.
    public var architecture: FunctionSpec.Architecture

    /// Creates usage from its totals.
    public init(epuSeconds: Double, requests: Double, gbSeconds: Double, architecture: FunctionSpec.Architecture) {
        self.epuSeconds = epuSeconds
        self.requests = requests
        self.gbSeconds = gbSeconds
        self.architecture = architecture
    }

    /// The usage of a simulated run of `mappings` identical ESMs (their poller group's
    /// EPUs are already in the summary; each ESM invokes its own copy of `function`).
    public init(run summary: RunSummary, function: FunctionSpec, mappings: Int) {
        let copies = Double(max(1, mappings))
        epuSeconds = Double(summary.epuSeconds)
        requests = Double(summary.invocations) * copies
        gbSeconds = Self.gbSeconds(milliseconds: Double(summary.billedDurationMilliseconds), memoryMB: function.memoryMB) * copies
        architecture = function.architecture
    }

    /// GB-seconds of `milliseconds` of billed duration at `memoryMB`.
    public static func gbSeconds(milliseconds: Double, memoryMB: Int) -> Double {
        milliseconds / 1_000 * Double(memoryMB) / 1_024
    }
}
