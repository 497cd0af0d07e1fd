import EventEngine

/// Several ESMs on one function run in one event loop: the function's concurrency is
/// shared, so their invocations together never exceed its limit, and the provisioned ESMs
/// of a poller group are metered on the group's shared EPUs.
///
/// Each ESM is an ordinary `ESMSimulation`; this handler dispatches every event to the ESM
/// it belongs to, on a scratch queue whose events then move to the shared queue tagged
/// with the ESM (`EventQueue.moveAll`), so every event keeps the (time, priority, sequence)
/// order it would have had in one queue. Same-tick ties between ESMs are therefore broken
/// by scheduling order, and the throttle decision is first come, first served: an
/// invocation start (of any ESM) takes a free place in the order the kernel delivers it,
/// and a throttled one retries after the profile's `throttleRetrySeconds` like any other.
/// The ESMs start their invocations on the function's one pool of execution environments
/// (`FunctionConcurrency`), so a start is cold only when no environment of the function is
/// idle, and the scaling rate counts the new environments of all of them; each ESM's
/// `cold_starts` counts its own. A list of one ESM gives exactly that ESM's own run.
///
/// The run ends at the first sample at which every ESM has settled (or at the horizon).
public struct CoSimulation {
    let configuration: CoSimulationConfiguration
    var simulations: [ESMSimulation]
    /// The function's concurrency, shared by every ESM's simulation.
    let concurrency: FunctionConcurrency
    /// The shared EPU meter of each poller group; a grouped ESM's own meter is switched off.
    var groupMeters: [EPUMeter]
    let groupMembers: [[Int]]
    /// Each ESM's lane on its group's meter.
    let laneOfMapping: [Int]
    /// Events handled per ESM.
    var handled: [Int]
    /// ESMs whose run has settled (`ESMSimulation.settled`).
    var settledCount = 0
    /// The queue a dispatched ESM schedules on, emptied into the shared one after each event.
    var scratch = EventQueue<ModelEvent>()

    /// Prepares a co-simulation of `configuration`.
    public init(_ configuration: CoSimulationConfiguration) {
        self.configuration = configuration
        let mappings = configuration.mappings
        let first = mappings[0]
        concurrency = FunctionConcurrency(
            sampleInterval: first.sampleInterval,
            environments: ExecutionEnvironmentPool(first.function, profile: first.profile), mappings: mappings.count)
        let allPartitions = mappings.reduce(0) { $0 + $1.topic.partitions }
        simulations = mappings.map { mapping in
            var shared = mapping
            shared.partitionsOfOtherMappings = allPartitions - mapping.topic.partitions
            return ESMSimulation(shared)
        }
        groupMembers = configuration.groupMembers
        var lanes = Array(repeating: 0, count: mappings.count)
        var meters: [EPUMeter] = []
        for members in groupMembers {
            var floors = 0
            for (lane, mapping) in members.enumerated() {
                lanes[mapping] = lane
                floors += simulations[mapping].pollerFloor
                simulations[mapping].epuMeter = EPUMeter(profile: first.profile, provisioned: nil, mappings: 1)
            }
            meters.append(EPUMeter(groupOf: members.count, minimumPollers: floors, profile: first.profile))
        }
        laneOfMapping = lanes
        groupMeters = meters
        handled = Array(repeating: 0, count: mappings.count)
        for index in simulations.indices {
            simulations[index].sharedConcurrency = concurrency
            simulations[index].mappingIndex = Int32(index)
        }
    }

    /// Runs every ESM to completion (all drained and settled) or to the horizon.
    public static func run(_ configuration: CoSimulationConfiguration) -> CoSimulationResult {
        var simulation = CoSimulation(configuration)
        return simulation.run()
    }

    /// Runs this co-simulation once.
    public mutating func run() -> CoSimulationResult {
        var queue = EventQueue<MappingEvent>()
        for index in simulations.indices {
            simulations[index].scheduleStart(on: &scratch)
            scratch.moveAll(into: &queue) { MappingEvent(mapping: Int32(index), event: $0) }
        }
        let outcome = EventLoop.run(&self, queue: &queue, until: configuration.mappings[0].horizon)
        return finish(at: outcome.time)
    }

    /// Runs `body` on ESM `index` with its group's shared meter in place of its own.
    mutating func withGroupMeter<Result>(_ index: Int, _ body: (inout ESMSimulation) -> Result) -> Result {
        guard let group = configuration.groupOfMapping[index] else { return body(&simulations[index]) }
        groupMeters[group].activeLane = laneOfMapping[index]
        swap(&simulations[index].epuMeter, &groupMeters[group])
        defer { swap(&simulations[index].epuMeter, &groupMeters[group]) }
        return body(&simulations[index])
    }

    /// Hands every lane's unmetered bytes to a group's meter and ends its periods up to
    /// `now`, so a period ends with the bytes of all its ESMs, not just the one whose
    /// event came first.
    mutating func meterGroup(_ group: Int, through now: SimTime) {
        for member in groupMembers[group] {
            groupMeters[group].activeLane = laneOfMapping[member]
            groupMeters[group].handOver(simulations[member].takePollerBytes())
        }
        groupMeters[group].endPeriods(through: now)
    }

    /// Stops a group's EPUs at `end`, with every lane's last bytes.
    mutating func closeGroup(_ group: Int, at end: SimTime) {
        let bytes = groupMembers[group].map { simulations[$0].takePollerBytes() }
        groupMeters[group].closeGroup(at: end, laneBytes: bytes)
    }
}

extension CoSimulation: EventHandler {
    /// Dispatches one event to its ESM, then moves what it scheduled to the shared queue.
    public mutating func handle(_ event: MappingEvent, at now: SimTime, queue: inout EventQueue<MappingEvent>) {
        let index = Int(event.mapping)
        let group = configuration.groupOfMapping[index]
        if let group {
            // A poller change splits the group's metering segment for every lane.
            var actuates = false
            if case .actuate = event.event { actuates = true }
            if actuates || now >= groupMeters[group].nextBoundary { meterGroup(group, through: now) }
        }
        let wasSettled = (simulations[index].settledAt != nil, simulations[index].settled)
        // The scratch queue is borrowed out of `self`, which the dispatch mutates.
        var pending = EventQueue<ModelEvent>()
        swap(&pending, &scratch)
        withGroupMeter(index) { $0.handle(event.event, at: now, queue: &pending) }
        pending.moveAll(into: &queue) { MappingEvent(mapping: event.mapping, event: $0) }
        swap(&pending, &scratch)
        handled[index] += 1
        if !wasSettled.1 && simulations[index].settled { settledCount += 1 }
        if let group, !wasSettled.0, simulations[index].settledAt != nil,
           groupMembers[group].allSatisfy({ simulations[$0].settledAt != nil }) {
            // The group's EPUs stop when its last ESM settles.
            closeGroup(group, at: now)
        }
        // Keeps the function's pending starts and ends few, as `commit` does for an ESM's own.
        concurrency.settle(at: now)
        checkSharedConcurrency(at: now)
    }

    /// Finished at the first sample at which every ESM has settled.
    public func isFinished(at now: SimTime) -> Bool {
        settledCount == simulations.count
    }

    /// Checks, in builds with `ESMSIM_INTERNAL_CHECKS`, that the ESMs together never run
    /// more invocations than the function's limit.
    func checkSharedConcurrency(at now: SimTime) {
        #if ESMSIM_INTERNAL_CHECKS
        let limit = configuration.mappings[0].function.concurrencyLimit
        precondition(concurrency.current <= max(limit, 0), "the ESMs run \(concurrency.current) invocations, above the function's limit \(limit)")
        #endif
    }
}
