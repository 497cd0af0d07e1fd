import EventEngine

/// Counts the Event Poller Units a provisioned ESM runs on and the EPU time it is billed.
///
/// Packing rule (an assumption; AWS publishes none): every poller takes at least
/// 1/`pollersPerEPU` of an EPU, and busier pollers take their actual throughput, so
/// EPUs = ceil(max(pollers / pollersPerEPU, bytes per second / EPU capacity)), and never
/// fewer than `MinimumPollers` / `pollersPerEPU` (at least one). The count is re-read at
/// every sample and poller change. Each EPU is billed per second from when it starts to
/// when it stops, with the one-minute minimum. On-demand mode has no EPUs.
struct EPUMeter {
    let enabled: Bool
    let epuBytesPerSecond: Double
    let pollersPerEPU: Double
    let minimumEPUs: Int
    let minimumBilled: SimTime
    let sampleInterval: SimTime
    private var pollers: Int
    private var lastSample: SimTime = 0
    /// Start times of the running EPUs, oldest first; the newest stops first.
    private var running: [SimTime] = []
    private var billed: SimTime = 0

    init(profile: BehaviourProfile, provisioned: ESMSettings.ProvisionedPollers?, sampleInterval: SimTime) {
        enabled = provisioned != nil
        epuBytesPerSecond = max(profile.epuBytesPerSecond, 1)
        pollersPerEPU = max(profile.pollersPerEPU, 1)
        let minimumPollers = Double(provisioned?.minimum ?? 0)
        minimumEPUs = enabled ? max(1, Int((minimumPollers / max(profile.pollersPerEPU, 1)).rounded(.up))) : 0
        minimumBilled = Ticks.seconds(profile.epuMinimumBillingSeconds)
        self.sampleInterval = sampleInterval
        pollers = provisioned?.minimum ?? 0
        if enabled { running = Array(repeating: 0, count: minimumEPUs) }
    }

    /// EPUs currently running.
    var current: Int { running.count }

    /// Re-reads the EPU count at a sample from the bytes fetched since the last one.
    mutating func sample(at now: SimTime, pollers: Int, bytes: Double) -> Int {
        guard enabled else { return 0 }
        let seconds = Ticks.toSeconds(now - lastSample)
        lastSample = now
        self.pollers = pollers
        let throughput = seconds > 0 ? bytes / seconds : 0
        setCount(wanted(pollers: pollers, throughput: throughput), at: now)
        return running.count
    }

    /// Adjusts the EPU count when the poller count changes, before any throughput is seen.
    mutating func pollersChanged(to count: Int, at now: SimTime) {
        guard enabled else { return }
        pollers = count
        let byPollers = wanted(pollers: count, throughput: 0)
        if byPollers > running.count { setCount(byPollers, at: now) }
    }

    func wanted(pollers: Int, throughput: Double) -> Int {
        let byDensity = Double(pollers) / pollersPerEPU
        let byThroughput = throughput / epuBytesPerSecond
        return max(minimumEPUs, Int(max(byDensity, byThroughput).rounded(.up)))
    }

    mutating func setCount(_ count: Int, at now: SimTime) {
        while running.count < count { running.append(now) }
        while running.count > count { bill(from: running.removeLast(), to: now) }
    }

    mutating func bill(from start: SimTime, to end: SimTime) {
        let seconds = (max(end - start, 0) + Ticks.perSecond - 1) / Ticks.perSecond * Ticks.perSecond
        billed += max(seconds, minimumBilled)
    }

    /// Billed EPU-seconds if every running EPU stopped at `end`.
    func billedEPUSeconds(until end: SimTime) -> Int64 {
        var copy = self
        copy.setCount(0, at: end)
        return copy.billed / Ticks.perSecond
    }
}
