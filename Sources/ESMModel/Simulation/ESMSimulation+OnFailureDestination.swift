import EventEngine

extension ESMSimulation {
    /// Sends a committed batch's `dropped` records to the on-failure destination, if one is
    /// configured: `deliveryFailureShare` of them fail to arrive.
    ///
    /// Assumed: a failed delivery is not retried and does not hold the partition back (the
    /// records are dropped and their offsets committed either way); which deliveries fail
    /// is spread evenly over the run (the k-th record sent fails when ⌊k × share⌋ steps),
    /// so the counts need no random draws.
    mutating func sendToOnFailureDestination(_ dropped: Int64) {
        guard let failures = constants.deliveryFailures, dropped > 0 else { return }
        let sentBefore = totals.counts.events.onFailureDestinationDelivered + totals.counts.events.onFailureDestinationDeliveryErrors
        let failed = failures.count(of: sentBefore + dropped) - failures.count(of: sentBefore)
        totals.counts.events.onFailureDestinationDeliveryErrors += failed
        totals.counts.events.onFailureDestinationDelivered += dropped - failed
    }
}
