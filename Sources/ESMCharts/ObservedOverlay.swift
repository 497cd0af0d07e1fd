import EventEngine

/// An observed series laid over one run in `esmsim compare --observed`: the observed
/// points and the simulated figure over the same periods (what the error measures are
/// computed on), drawn in a panel of their own, with the measures for the report.
///
/// Built by the caller from a comparison; the chart module knows nothing of metrics.
public struct ObservedOverlay: Sendable {
    /// One error measure: its name and its value as text.
    public struct Measure: Sendable {
        public var name: String
        public var value: String

        /// A measure.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The overlay panel's heading (what is measured and how it is compared).
    public var heading: String
    /// The value axis label, with its unit.
    public var valueLabel: String
    /// The legend's detail for the observed line: where it comes from and how well the run fits it.
    public var detail: String
    /// Observed values at each period's start, in simulated time.
    public var observed: [(time: SimTime, value: Double)]
    /// The simulated figure over each of the same periods.
    public var simulated: [(time: SimTime, value: Double)]
    /// Moments to mark in the panel (catch-up times), with labels.
    public var markers: [ChartMarker]
    /// The error measures, in the order to show them.
    public var measures: [Measure]
    /// The name of the file holding the compared points, beside the report; nil when none is written.
    public var dataFile: String?

    /// The observed line's colour and dash: black and finely dashed, so it stays apart from
    /// every scenario style (whose first, and only, style with --observed is solid blue).
    public static let color = "#000000"
    public static let dash = "4 2"
    /// The legend entry's and the polyline's name.
    public static let name = "observed"

    /// An overlay.
    public init(heading: String, valueLabel: String, detail: String, observed: [(time: SimTime, value: Double)],
                simulated: [(time: SimTime, value: Double)], markers: [ChartMarker] = [], measures: [Measure], dataFile: String? = nil) {
        self.heading = heading
        self.valueLabel = valueLabel
        self.detail = detail
        self.observed = observed
        self.simulated = simulated
        self.markers = markers
        self.measures = measures
        self.dataFile = dataFile
    }

    /// The latest time the overlay covers.
    public var end: SimTime { max(observed.last?.time ?? 0, simulated.last?.time ?? 0) }
}
