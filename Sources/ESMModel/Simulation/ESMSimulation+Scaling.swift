import EventEngine

extension ESMSimulation {
    /// Hands the scaler what it observed since its last reading and schedules the poller
    /// change it decides, which takes effect after the profile's actuation delay.
    mutating func evaluate(at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        queue.schedule(.evaluate, at: now + scaler.policy.readingInterval)
        let observation = readings.observe(at: now, produced: producedTotal(at: now), fetched: totals.counts.fetched, pollers: pollers.count)
        guard let target = scaler.decide(observation) else { return }
        queue.schedule(.actuate(Int32(target)), at: now + constants.actuationDelay)
    }

    /// Changes the poller count: a rebalance that moves as few partitions as it can
    /// (`StickyAssignment`). Only the partitions that move stop fetching, for the
    /// profile's rebalance pause (every partition, when the profile's `rebalanceScope`
    /// is `.allPartitions`: an eager rebalance). A batch in flight finishes and commits on the poller
    /// that fetched it, or, when that poller is removed, holds a slot on its partition's
    /// new poller.
    mutating func actuate(_ target: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        scaler.actuated()
        guard target != pollers.count, target > 0 else { return }
        lastPollerChange = now
        epuMeter.pollersChanged(from: takePollerBytes(), to: target, at: now)
        let assignment = StickyAssignment.reassign(partitions.map(\.poller), to: target)
        if target < pollers.count {
            pollers.removeLast(pollers.count - target)
        } else {
            pollers.append(contentsOf: repeatElement(PollerState(bytesFreeAt: now), count: target - pollers.count))
        }
        let pausedUntil = now + constants.rebalancePause
        let pausesAll = configuration.profile.rebalanceScope == .allPartitions
        for index in partitions.indices where pausesAll || assignment[index] != partitions[index].poller {
            let poller = assignment[index]
            partitions[index].poller = poller
            partitions[index].pausedUntil = pausedUntil
            switch partitions[index].phase {
            case .inFlight:
                // A partition riding in another's payload holds no slot of its own.
                if partitions[index].payloadLead < 0 && Int(partitions[index].batchPoller) >= target {
                    partitions[index].batchPoller = poller
                    pollers[Int(poller)].inFlight += 1
                }
            case .queued, .waiting:
                // A queued partition leaves its old poller's queue: the queue skips
                // entries whose partition is no longer queued.
                sleep(index, until: pausedUntil, queue: &queue)
            case .idle:
                break
            }
        }
        listPollerPartitions()
    }
}
