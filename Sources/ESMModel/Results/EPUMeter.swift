import EventEngine

/// Counts the Event Poller Units a provisioned ESM (or its poller group) runs on and the
/// EPU time it is billed, from the pollers' throughput over simulated time.
///
/// The smoothing rule (profile constants `epuMeteringSeconds` and `epuScaleInSeconds`):
/// simulated time is cut into metering periods of fixed length from time 0. Over each
/// period every poller claims EPU capacity by `EPUPacking` from the bytes it fetched,
/// weighted by the time it ran (a poller change splits the period); the period needs the
/// EPUs its mean claim packs into. At the end of a period the count rises to that need;
/// it falls only once every period of the last `epuScaleInSeconds` needed fewer EPUs than
/// run, and then to the most any of them needed, never below what the running pollers'
/// idle slots fill. A poller change raises the count at once when the new pollers' idle
/// slots need more. `mappings` identical ESMs share the group's EPUs, so their claims and
/// `MinimumPollers` floors are added. Co-simulated ESMs of one group (`CoSimulation`)
/// share one meter instead: each feeds its own lane of pollers (`activeLane`), and every
/// lane's claims are added. Each EPU is billed per second from when it starts
/// to when it stops, with the one-minute minimum. On-demand mode has no EPUs.
///
/// Sampling reads the count and never changes it: the periods, not the time series,
/// decide the bill, so it is the same at any sampling interval.
struct EPUMeter {
    let enabled: Bool
    let packing: EPUPacking
    let mappings: Int
    let minimumEPUs: Int
    let minimumBilled: SimTime
    /// Length of a metering period.
    let period: SimTime
    /// Periods whose needs must all lie below the running count before EPUs stop.
    let scaleInPeriods: Int
    /// The end of the current metering period; `SimTime.max` when the meter is off.
    private(set) var nextBoundary: SimTime
    /// Start of the part of the current period not yet added to `periodClaimSeconds`.
    private var segmentStart: SimTime = 0
    /// Claimed bytes per second times seconds, over the current period so far.
    private var periodClaimSeconds = 0.0
    /// Bytes each running poller fetched in the open segment and not yet claimed, per lane
    /// (one lane per co-simulated ESM of the group; one lane otherwise).
    private var lanes: [[Double]]
    /// The lane whose pollers the next bytes and poller changes belong to.
    var activeLane = 0
    /// Whether the meter is a poller group's, shared by co-simulated ESMs: then only
    /// `closeGroup` ends it, since one ESM settling does not stop the group's EPUs.
    let sharedByGroup: Bool
    /// Whether no poller fetched anything in the current period so far.
    private var periodWasIdle = true
    /// The needs of the latest periods, oldest first, at most `scaleInPeriods` of them.
    private var recentNeeds: [Int] = []
    /// Start times of the running EPUs, oldest first; the newest stops first.
    private var running: [SimTime] = []
    private var billed: SimTime = 0
    private var closed = false

    /// The meter of one ESM, or of `mappings` identical ESMs in one poller group.
    init(profile: BehaviourProfile, provisioned: ESMSettings.ProvisionedPollers?, mappings: Int) {
        self.init(profile: profile, enabled: provisioned != nil, lanes: 1,
                  minimumPollers: (provisioned?.minimum ?? 0) * max(1, mappings), mappings: mappings, sharedByGroup: false)
    }

    /// The meter a poller group's co-simulated ESMs share: `minimumPollers` is the sum of
    /// their `MinimumPollers` floors, each ESM a lane.
    init(groupOf lanes: Int, minimumPollers: Int, profile: BehaviourProfile) {
        self.init(profile: profile, enabled: true, lanes: lanes, minimumPollers: minimumPollers, mappings: 1, sharedByGroup: true)
    }

    private init(profile: BehaviourProfile, enabled: Bool, lanes: Int, minimumPollers groupMinimumPollers: Int, mappings: Int, sharedByGroup: Bool) {
        self.enabled = enabled
        self.sharedByGroup = sharedByGroup
        self.lanes = Array(repeating: [], count: max(1, lanes))
        packing = EPUPacking(profile: profile)
        self.mappings = max(1, mappings)
        minimumEPUs = enabled ? packing.minimumEPUs(minimumPollers: groupMinimumPollers) : 0
        minimumBilled = Ticks.seconds(profile.epuMinimumBillingSeconds)
        period = max(Ticks.perSecond, Ticks.seconds(profile.epuMeteringSeconds))
        let scaleIn = Ticks.seconds(max(profile.epuScaleInSeconds, 0))
        scaleInPeriods = max(1, Int((scaleIn + period - 1) / period))
        nextBoundary = enabled ? period : SimTime.max
        running = Array(repeating: 0, count: minimumEPUs)
    }

    /// EPUs currently running.
    var current: Int { running.count }

    /// Ends no more periods, so the pollers keep every byte they fetch unmetered: for a
    /// copy of the model replaying a cycle, which reads those bytes.
    mutating func suspendBoundaries() {
        nextBoundary = SimTime.max
    }

    /// Ends every metering period up to and including `now`.
    ///
    /// `pollerBytes` are what each running poller fetched since the bytes were last handed
    /// over; the caller must advance the meter before counting bytes fetched after a
    /// period's end, so every byte handed over belongs to the earliest open period.
    mutating func advance(to now: SimTime, pollerBytes: [Double]) {
        guard enabled, !closed else { return }
        carry(pollerBytes)
        endPeriods(through: now)
    }

    /// Ends every metering period up to and including `now` with the bytes handed over so
    /// far: a group's meter, once every lane has handed over its bytes.
    mutating func endPeriods(through now: SimTime) {
        guard enabled, !closed else { return }
        while nextBoundary <= now {
            addSegment(until: nextBoundary)
            let idle = periodWasIdle
            let before = (running.count, recentNeeds)
            closePeriod(pollers: pollerCount)
            nextBoundary += period
            // Idle periods that changed nothing will change nothing: skip to the last one.
            if before.0 == running.count, before.1 == recentNeeds, idle, nextBoundary <= now {
                nextBoundary += (now - nextBoundary) / period * period
                segmentStart = nextBoundary - period
            }
        }
    }

    /// Ends the old pollers' share of the current period and, when the `count` new
    /// pollers' idle slots need more EPUs than run, starts them at once.
    mutating func pollersChanged(from pollerBytes: [Double], to count: Int, at now: SimTime) {
        guard enabled, !closed else { return }
        advance(to: now, pollerBytes: pollerBytes)
        addSegment(until: now)
        lanes[activeLane] = Array(repeating: 0, count: count)
        let bySlots = slotNeed(pollers: pollerCount)
        if bySlots > running.count {
            setCount(bySlots, at: now)
            // EPUs just started run at least a full scale-in window.
            recentNeeds.removeAll()
        }
    }

    /// Stops and bills every EPU at the end of the run; later calls change nothing.
    ///
    /// Periods ending before `end` are metered first; one ending exactly at `end` would
    /// only start EPUs that stop at once.
    ///
    /// A group's shared meter only takes the bytes: `closeGroup` ends it.
    mutating func close(at end: SimTime, pollerBytes: [Double]) {
        guard !closed else { return }
        guard !sharedByGroup else {
            if enabled { carry(pollerBytes) }
            return
        }
        if end > 0 { advance(to: end - 1, pollerBytes: pollerBytes) }
        finish(at: end)
    }

    /// Stops and bills a group's shared meter at `end`, with the bytes of each lane's
    /// pollers not yet handed over (`laneBytes[lane]`); later calls change nothing.
    mutating func closeGroup(at end: SimTime, laneBytes: [[Double]]) {
        guard !closed else { return }
        for (lane, bytes) in laneBytes.enumerated() {
            activeLane = lane
            carry(bytes)
        }
        if end > 0 { endPeriods(through: end - 1) }
        finish(at: end)
    }

    /// Hands over the bytes of the active lane's pollers without ending any period.
    mutating func handOver(_ pollerBytes: [Double]) {
        guard enabled, !closed else { return }
        carry(pollerBytes)
    }

    /// Whether the meter has been closed.
    var isClosed: Bool { closed }

    /// Stops every EPU at `end`.
    private mutating func finish(at end: SimTime) {
        let count = running.count
        setCount(0, at: end)
        running = Array(repeating: end, count: count)
        closed = true
    }

    /// Billed EPU-seconds so far, every EPU stopped at `end` unless the meter is closed.
    func billedEPUSeconds(until end: SimTime) -> Int64 {
        var copy = self
        if !copy.closed { copy.finish(at: end) }
        return copy.billed / Ticks.perSecond
    }

    /// Pollers running, over every lane.
    private var pollerCount: Int { lanes.reduce(0) { $0 + $1.count } }

    /// Adds the bytes handed over to what each running poller of the active lane fetched
    /// in the open segment.
    private mutating func carry(_ pollerBytes: [Double]) {
        if lanes[activeLane].count != pollerBytes.count { lanes[activeLane] = Array(repeating: 0, count: pollerBytes.count) }
        for index in pollerBytes.indices { lanes[activeLane][index] += pollerBytes[index] }
    }

    /// Adds the claims of the running pollers from `segmentStart` to `end` to the current
    /// period, and starts the next segment with nothing fetched.
    private mutating func addSegment(until end: SimTime) {
        let seconds = Ticks.toSeconds(end - segmentStart)
        segmentStart = end
        guard seconds > 0 else { return }
        var claimed = 0.0
        for lane in lanes.indices {
            for index in lanes[lane].indices {
                claimed += packing.claim(bytesPerSecond: lanes[lane][index] / seconds)
                if lanes[lane][index] != 0 { periodWasIdle = false }
                lanes[lane][index] = 0
            }
        }
        periodClaimSeconds += claimed * seconds
    }

    /// Ends the current period at `nextBoundary`: raises the count to its need, or lowers
    /// it once every recent period needed less.
    private mutating func closePeriod(pollers: Int) {
        let meanClaim = periodClaimSeconds / Ticks.toSeconds(period)
        periodClaimSeconds = 0
        periodWasIdle = true
        let need = packing.epus(claimed: meanClaim * Double(mappings), minimum: minimumEPUs)
        recentNeeds.append(need)
        if recentNeeds.count > scaleInPeriods { recentNeeds.removeFirst() }
        if need > running.count {
            setCount(need, at: nextBoundary)
        } else if recentNeeds.count == scaleInPeriods, let highest = recentNeeds.max(), highest < running.count {
            setCount(max(highest, slotNeed(pollers: pollers)), at: nextBoundary)
        }
    }

    /// The EPUs `pollers` idle pollers (per ESM of the group) fill.
    private func slotNeed(pollers: Int) -> Int {
        packing.epus(claimed: Double(pollers * mappings) * packing.idleClaim, minimum: minimumEPUs)
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
