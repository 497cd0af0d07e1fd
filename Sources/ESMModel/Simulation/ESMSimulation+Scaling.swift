import EventEngine

extension ESMSimulation {
    /// Reads the offset lag and decides whether to add or remove pollers.
    ///
    /// The scaler wants ceil(lag / lagPerPoller) pollers within the mode's bounds. It
    /// scales up once the lag has been too high for `scaleUpEvaluations` evaluations in a
    /// row, scales down once the wanted count has stayed lower for `scaleDownDelay`,
    /// removes pollers when the function was throttled, and has at most one action in
    /// progress; an action takes effect `actuationDelay` after the decision.
    mutating func evaluate(at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        queue.schedule(.evaluate, at: now + evaluationInterval)
        let throttled = throttlesSinceEvaluation > 0
        throttlesSinceEvaluation = 0
        guard !actionPending else { return }

        let current = pollers.count
        let lag = producedTotal(at: now) - committedTotal
        let perPoller = max(behaviour.lagPerPoller, 1)
        let wantedByLag = lag > 0 ? Int(min((Double(lag) / perPoller).rounded(.up), Double(pollerCeiling))) : 0
        let wanted = min(max(wantedByLag, pollerFloor), pollerCeiling)

        let throttleStep = Int(behaviour.throttleScaleDownStep)
        if throttled && throttleStep > 0 && current > pollerFloor {
            highLagEvaluations = 0
            lowLagSince = nil
            schedule(target: max(pollerFloor, current - throttleStep), at: now, queue: &queue)
            return
        }
        if wanted > current && !throttled {
            lowLagSince = nil
            highLagEvaluations += 1
            guard highLagEvaluations >= Int(behaviour.scaleUpEvaluations) else { return }
            let step = Int(behaviour.maxScaleUpStep)
            schedule(target: step > 0 ? min(wanted, current + step) : wanted, at: now, queue: &queue)
        } else if wanted < current {
            highLagEvaluations = 0
            let since = lowLagSince ?? now
            lowLagSince = since
            guard now - since >= scaleDownDelay else { return }
            lowLagSince = nil
            let step = Int(behaviour.maxScaleDownStep)
            schedule(target: step > 0 ? max(wanted, current - step) : wanted, at: now, queue: &queue)
        } else {
            highLagEvaluations = 0
            lowLagSince = nil
        }
    }

    mutating func schedule(target: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        guard target != pollers.count else { return }
        actionPending = true
        queue.schedule(.actuate(Int32(target)), at: now + actuationDelay)
    }

    /// Changes the poller count: a rebalance that reassigns partitions round robin and
    /// pauses every fetch for the profile's rebalance pause. Batches in flight finish
    /// and commit; their slots count against the partition's new poller.
    mutating func actuate(_ target: Int, at now: SimTime, queue: inout EventQueue<ModelEvent>) {
        actionPending = false
        guard target != pollers.count, target > 0 else { return }
        pausedUntil = now + rebalancePause
        lastPollerChange = now
        epuMeter.pollersChanged(from: takePollerBytes(), to: target, at: now)
        pollers = Array(repeating: PollerState(bytesFreeAt: pausedUntil), count: target)
        for index in partitions.indices {
            let poller = Int32(index % target)
            partitions[index].poller = poller
            switch partitions[index].phase {
            case .inFlight:
                partitions[index].batchPoller = poller
                pollers[Int(poller)].inFlight += 1
            case .queued, .waiting:
                sleep(index, until: pausedUntil, queue: &queue)
            case .idle:
                break
            }
        }
    }
}
