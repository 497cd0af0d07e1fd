import EventEngine

/// Counts the Event Poller Units a provisioned ESM (or its poller group) runs on and the
/// EPU time it is billed.
///
/// Pollers are packed by `EPUPacking`. Throughput is measured per poller over segments
/// that end at every sample and every poller change; at a sample the count becomes what
/// the busiest segment since the previous sample needed, so it follows throughput one
/// sampling interval behind. A poller change raises the count at once when the new
/// pollers need more slots. `mappings` identical ESMs share the group's EPUs, so their
/// claims and `MinimumPollers` floors are added. Each EPU is billed per second from when
/// it starts to when it stops, with the one-minute minimum. On-demand mode has no EPUs.
struct EPUMeter {
    let enabled: Bool
    let packing: EPUPacking
    let mappings: Int
    let minimumEPUs: Int
    let minimumBilled: SimTime
    private var segmentStart: SimTime = 0
    /// EPUs needed by segments closed since the last sample.
    private var closedSegmentsNeed = 0
    /// Start times of the running EPUs, oldest first; the newest stops first.
    private var running: [SimTime] = []
    private var billed: SimTime = 0
    private var closed = false

    init(profile: BehaviourProfile, provisioned: ESMSettings.ProvisionedPollers?, mappings: Int) {
        enabled = provisioned != nil
        packing = EPUPacking(profile: profile)
        self.mappings = max(1, mappings)
        let groupMinimumPollers = (provisioned?.minimum ?? 0) * self.mappings
        minimumEPUs = enabled ? packing.minimumEPUs(minimumPollers: groupMinimumPollers) : 0
        minimumBilled = Ticks.seconds(profile.epuMinimumBillingSeconds)
        running = Array(repeating: 0, count: minimumEPUs)
    }

    /// EPUs currently running.
    var current: Int { running.count }

    /// Re-reads the EPU count at a sample from the bytes each poller fetched since the
    /// last sample or poller change.
    mutating func sample(at now: SimTime, pollerBytes: [Double]) -> Int {
        guard enabled, !closed else { return running.count }
        let needed = max(closedSegmentsNeed, closeSegment(at: now, pollerBytes: pollerBytes))
        closedSegmentsNeed = 0
        // Nothing measured (the sample at time 0) says nothing about throughput: keep what runs.
        if needed > 0 { setCount(needed, at: now) }
        return running.count
    }

    /// Closes the old pollers' segment and, when the `count` new pollers need more idle
    /// slots than are running, starts EPUs at once.
    mutating func pollersChanged(from pollerBytes: [Double], to count: Int, at now: SimTime) {
        guard enabled, !closed else { return }
        closedSegmentsNeed = max(closedSegmentsNeed, closeSegment(at: now, pollerBytes: pollerBytes))
        let bySlots = packing.epus(claimed: Double(count * mappings) * packing.idleClaim, minimum: minimumEPUs)
        if bySlots > running.count { setCount(bySlots, at: now) }
    }

    /// Stops and bills every EPU at the end of the run; later samples change nothing.
    mutating func close(at end: SimTime) {
        guard !closed else { return }
        let count = running.count
        setCount(0, at: end)
        running = Array(repeating: end, count: count)
        closed = true
    }

    /// Billed EPU-seconds so far, every EPU stopped at `end` unless the meter is closed.
    func billedEPUSeconds(until end: SimTime) -> Int64 {
        var copy = self
        copy.close(at: end)
        return copy.billed / Ticks.perSecond
    }

    /// The EPUs the segment ending at `now` needed, and starts the next segment. An empty
    /// segment (a poller change at a sample's instant) needs nothing.
    private mutating func closeSegment(at now: SimTime, pollerBytes: [Double]) -> Int {
        let seconds = Ticks.toSeconds(now - segmentStart)
        segmentStart = now
        guard seconds > 0 else { return 0 }
        var claimed = 0.0
        for bytes in pollerBytes {
            claimed += packing.claim(bytesPerSecond: bytes / seconds)
        }
        return packing.epus(claimed: claimed * Double(mappings), minimum: minimumEPUs)
    }

    private mutating func setCount(_ count: Int, at now: SimTime) {
        while running.count < count { running.append(now) }
        while running.count > count { bill(from: running.removeLast(), to: now) }
    }

    /// Bills one EPU's run: whole seconds, rounded up, and never less than the minimum.
    private mutating func bill(from start: SimTime, to end: SimTime) {
        let seconds = (max(end - start, 0) + Ticks.perSecond - 1) / Ticks.perSecond * Ticks.perSecond
        billed += max(seconds, minimumBilled)
    }
}
