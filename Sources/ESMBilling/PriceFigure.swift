/// One price or allowance from a prices file, with when and where it was read.
public struct PriceFigure: Equatable, Sendable {
    /// The figure's key in the file (`epuHour`).
    public var name: String
    /// The amount, in `unit`.
    public var value: Double
    /// What the amount counts (`USD per EPU-hour`).
    public var unit: String
    /// When the figure was read from its source, `YYYY-MM-DD`.
    public var date: String
    /// Where it comes from.
    public var source: String

    /// Creates a figure.
    public init(name: String, value: Double, unit: String, date: String, source: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.date = date
        self.source = source
    }
}
