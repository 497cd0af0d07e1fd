/// Which partitions stop consuming when the poller count changes.
///
/// The consumer-group assignor the ESM uses is not published; DOC with-kafka-low-latency
/// says only that provisioned autoscaling "can trigger rebalance, and therefore, introduce
/// additional latency". Kafka offers both protocols below.
public enum RebalanceScope: String, CaseIterable, Equatable, Sendable {
    /// Cooperative (incremental) rebalancing: only partitions that change poller pause
    /// (aws-2024's assumption, as Kafka's cooperative sticky assignor does).
    case movedPartitions
    /// Eager rebalancing: every member revokes every partition, so the whole group
    /// pauses, as Kafka's classic eager protocol does.
    case allPartitions
}
