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
    /// `OnFailureDestinationDeliveredEventCount`: dropped records sent to the on-failure
    /// destination (every dropped record when one is configured; the model has no
    /// delivery failures).
    public var onFailureDestinationDelivered: Int64 = 0

    /// No events.
    public init() {}

    /// The counts of the interval that ends with `self` and began with `earlier`.
    public func since(_ earlier: EventCounts) -> EventCounts {
        var interval = EventCounts()
        interval.polled = polled - earlier.polled
        interval.filteredOut = filteredOut - earlier.filteredOut
        interval.invoked = invoked - earlier.invoked
        interval.failedInvoke = failedInvoke - earlier.failedInvoke
        interval.dropped = dropped - earlier.dropped
        interval.committed = committed - earlier.committed
        interval.onFailureDestinationDelivered = onFailureDestinationDelivered - earlier.onFailureDestinationDelivered
        return interval
    }

    /// The counts as (CSV column, value) pairs, in the order of the metric group's documentation.
    public var columns: [(name: String, value: Int64)] {
        [
            ("polled_event_count", polled), ("filtered_out_event_count", filteredOut),
            ("invoked_event_count", invoked), ("failed_invoke_event_count", failedInvoke),
            ("dropped_event_count", dropped), ("committed_event_count", committed),
            ("on_failure_destination_delivered_event_count", onFailureDestinationDelivered),
        ]
    }

    /// The CSV column names of `columns`.
    public static let columnNames = EventCounts().columns.map(\.name)
}
