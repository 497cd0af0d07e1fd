/// The ESM's `EventCount` metric group (DOC monitoring-metrics-types): records counted
/// as they pass each stage of poll → filter → invoke → commit.
///
/// A run keeps the totals; each time-series row holds the counts of its interval, as
/// CloudWatch sums them per period.
public struct EventCounts: Equatable, Sendable {
    /// `PolledEventCount`: records read from the topic, filtered-out ones included, when polled.
    public var polled: Int64 = 0
    /// `FilteredOutEventCount`: polled records no filter matched, when polled.
    public var filteredOut: Int64 = 0
    /// `InvokedEventCount`: records sent to the function, when each invocation starts;
    /// a retried record counts again at every attempt.
    public var invoked: Int64 = 0
    /// `FailedInvokeEventCount`: records of failed invocations, when the invocation ends.
    public var failedInvoke: Int64 = 0
    /// `DroppedEventCount`: records given up on (retries exhausted or older than
    /// `MaximumRecordAgeInSeconds`), when their batch is committed.
    public var dropped: Int64 = 0
    /// `CommittedEventCount`: the sum of each partition's committed-offset advance,
    /// filtered-out and dropped records included.
    public var committed: Int64 = 0
    /// `OnFailureDestinationDeliveredEventCount`: dropped records the on-failure
    /// destination received, when their batch is committed.
    public var onFailureDestinationDelivered: Int64 = 0
    /// `OnFailureDestinationDeliveryErrorCount` (the ErrorCount group), counted per
    /// record: dropped records whose delivery to the destination failed
    /// (`DestinationConfig.OnFailure.deliveryFailureShare` of them).
    public var onFailureDestinationDeliveryErrors: Int64 = 0

    /// No events.
    public init() {}

    /// Each metric's CSV column and field, in the order of the metric group's documentation.
    public static var fields: [(name: String, field: WritableKeyPath<EventCounts, Int64>)] {
        [
            ("polled_event_count", \.polled), ("filtered_out_event_count", \.filteredOut),
            ("invoked_event_count", \.invoked), ("failed_invoke_event_count", \.failedInvoke),
            ("dropped_event_count", \.dropped), ("committed_event_count", \.committed),
            ("on_failure_destination_delivered_event_count", \.onFailureDestinationDelivered),
            ("on_failure_destination_delivery_error_count", \.onFailureDestinationDeliveryErrors),
        ]
    }

    /// `combine` applied to each metric of `self` and `other`.
    public func merged(with other: EventCounts, _ combine: (Int64, Int64) -> Int64) -> EventCounts {
        var result = EventCounts()
        for (_, field) in Self.fields { result[keyPath: field] = combine(self[keyPath: field], other[keyPath: field]) }
        return result
    }

    /// The counts of the interval that ends with `self` and began with `earlier`.
    public func since(_ earlier: EventCounts) -> EventCounts { merged(with: earlier, -) }

    /// The values in `fields` order.
    public var values: [Int64] { Self.fields.map { self[keyPath: $0.field] } }

    /// The CSV column names, in `fields` order.
    public static let columnNames = fields.map(\.name)
}
