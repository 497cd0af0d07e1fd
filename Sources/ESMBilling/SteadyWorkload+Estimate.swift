import ESMFormats
import ESMModel

extension SteadyWorkload {
    /// A workload the pollers cannot keep up with, so it has no steady state.
    public struct Overload: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// The steady state, worked out analytically with the same profile constants and
    /// EPU packing rule the simulation uses.
    ///
    /// Each partition fetches its next batch when the previous one has committed (poll
    /// overhead + duration + commit overhead) and either the batch is full or the
    /// batching window, opened by the first record after the last fetch, has run out.
    /// So a batch holds rate × cycle records, where the cycle is the longer of the busy
    /// time and window + one record's gap, unless it fills to `BatchSize` (or the payload
    /// limit) first. In provisioned mode the cycle is also at least the time a poller
    /// needs to give each of its partitions a turn on its invocation slots, and a poller's
    /// byte budget must cover its partitions' bytes. Pollers carry their partitions' bytes evenly.
    /// When a partition's batch is bound by the window, not `BatchSize`, a provisioned
    /// poller's partitions share one payload per cycle (payloads span partitions); on-demand
    /// pollers are the scaler's choice, so there each partition is taken to have its own.
    public func estimate(profile: BehaviourProfile) throws(Overload) -> SteadyEstimate {
        let isProvisioned = provisionedPollers != nil
        let behaviour = profile.behaviour(provisioned: isProvisioned)
        let perPartition = recordsPerSecond / Double(partitions)
        guard perPartition > 0 else { throw Overload(description: "the workload produces no records") }
        let payloadRecords = max(1, (profile.payloadLimitBytes / recordSizeBytes).rounded(.down))
        let batchLimit = min(Double(batchSize), payloadRecords)
        let busy = behaviour.pollOverheadSeconds + durationMs / 1_000 + behaviour.commitOverheadSeconds
        let windowCycle = batchingWindowSeconds > 0 ? batchingWindowSeconds + 1 / perPartition : 1 / perPartition
        // On-demand pollers are the scaler's choice (up to one per partition), so only
        // provisioned pollers' slots and byte budgets bound the cycle.
        let pollers = provisionedPollers.map { max(1, min($0, partitions)) } ?? 0
        let busiest = pollers > 0 ? Double((partitions + pollers - 1) / pollers) : 1
        let slotCycle = pollers > 0 ? busiest * busy / max(behaviour.invocationsPerPoller, 1) : 0
        if pollers > 0 && busiest * perPartition * recordSizeBytes > behaviour.pollerBytesPerSecond * (1 + 1e-9) {
            throw Overload(description: "\(pollers) pollers cannot carry the bytes: the busiest fetches \(format(busiest * perPartition * recordSizeBytes)) bytes/s, more than \(format(behaviour.pollerBytesPerSecond)); add pollers")
        }
        let neededCycle = max(busy, slotCycle)
        var cycle = max(neededCycle, windowCycle)
        var records = perPartition * cycle
        if records >= batchLimit {
            records = batchLimit
            cycle = batchLimit / perPartition
            if neededCycle > cycle * (1 + 1e-9) {
                throw Overload(description: "each partition receives \(format(perPartition)) records/s, more than it can pass on: a batch of \(format(batchLimit)) records fills in \(format(cycle)) s but a partition can fetch only every \(format(neededCycle)) s (fetch to commit, and a turn on its poller's \(format(behaviour.invocationsPerPoller)) slots); add partitions or pollers, or raise BatchSize")
            }
        }
        var invocationsPerSecond = recordsPerSecond / records
        if pollers > 0 && partitions > pollers && records < batchLimit {
            invocationsPerSecond = sharedPayloadInvocations(
                pollers: pollers, perPartition: perPartition, busyCycle: neededCycle, batchLimit: batchLimit)
            records = recordsPerSecond / invocationsPerSecond
        }

        var epus = 0
        if pollers > 0 {
            let packing = EPUPacking(profile: profile)
            let claimed = claims(pollers: pollers, perPartitionBytes: perPartition * recordSizeBytes, packing: packing)
            if grouped {
                epus = packing.epus(claimed: claimed * Double(mappings), minimum: packing.minimumEPUs(minimumPollers: pollers * mappings))
            } else {
                epus = packing.epus(claimed: claimed, minimum: packing.minimumEPUs(minimumPollers: pollers)) * mappings
            }
        }

        let copies = Double(mappings)
        let invocations = invocationsPerSecond * periodSeconds * copies
        let billedMilliseconds = durationMs.rounded(.up)
        let usage = BillableUsage(
            epuSeconds: Double(epus) * periodSeconds, requests: invocations,
            gbSeconds: BillableUsage.gbSeconds(milliseconds: invocations * billedMilliseconds, memoryMB: memoryMB),
            architecture: architecture)
        return SteadyEstimate(
            batchRecords: records, batchCycleSeconds: cycle, invocationsPerSecond: invocationsPerSecond,
            pollersPerMapping: pollers, epus: epus, usage: usage)
    }

    /// Invocations per second when each poller's partitions share payloads, as the
    /// simulation's do when one partition's records do not fill a batch: the window opens
    /// at the first record after the last fetch on any of the poller's partitions, and
    /// their records over it go in one payload, up to `batchLimit` (which the pooled
    /// records then reach sooner); a cycle is never shorter than `busyCycle`. Partitions
    /// are dealt round robin.
    func sharedPayloadInvocations(pollers: Int, perPartition: Double, busyCycle: Double, batchLimit: Double) -> Double {
        let fewer = partitions / pollers
        let busier = partitions % pollers
        func invocations(partitions: Int) -> Double {
            let rate = Double(partitions) * perPartition
            let cycle = max(busyCycle, batchingWindowSeconds + 1 / rate)
            return rate / min(batchLimit, rate * cycle)
        }
        return Double(busier) * invocations(partitions: fewer + 1) + Double(pollers - busier) * invocations(partitions: fewer)
    }

    /// The claims of one ESM's pollers, partitions dealt round robin as the simulation does.
    func claims(pollers: Int, perPartitionBytes: Double, packing: EPUPacking) -> Double {
        let fewer = partitions / pollers
        let busier = partitions % pollers
        return Double(busier) * packing.claim(bytesPerSecond: Double(fewer + 1) * perPartitionBytes)
            + Double(pollers - busier) * packing.claim(bytesPerSecond: Double(fewer) * perPartitionBytes)
    }

    func format(_ value: Double) -> String { CSVFormat.decimal(value, places: 3) }
}
