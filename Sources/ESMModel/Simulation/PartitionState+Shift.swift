import EventEngine

extension PartitionState {
    /// Moves the arrivals it holds `shift` later, as the compressed path moves time:
    /// production records arrive a cycle later every cycle, backlog records (at 0) never.
    mutating func shiftArrivals(by shift: SimTime) {
        func shifted(_ time: SimTime) -> SimTime { time == 0 ? 0 : time + shift }
        lastFetchedArrival = shifted(lastFetchedArrival)
        batchFirstArrival = shifted(batchFirstArrival)
        batchLastArrival = shifted(batchLastArrival)
        for index in payloadSlices.indices {
            payloadSlices[index].firstArrival = shifted(payloadSlices[index].firstArrival)
            payloadSlices[index].lastArrival = shifted(payloadSlices[index].lastArrival)
        }
    }
}
