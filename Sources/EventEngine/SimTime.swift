/// A point or span of simulated time, in integer microseconds.
///
/// Integer ticks keep runs exact and repeatable: a sum of many `Double` seconds drifts,
/// a sum of ticks does not. `Int64` microseconds cover about 292,000 years.
public typealias SimTime = Int64

/// Conversions between ticks and human units.
public enum Ticks {
    /// Ticks in one second.
    public static let perSecond: SimTime = 1_000_000
    /// Ticks in one millisecond.
    public static let perMillisecond: SimTime = 1_000

    /// The tick count nearest to `seconds`, clamped to the representable range.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func seconds(_ seconds: Double) -> SimTime {
        let ticks = (seconds * Double(perSecond)).rounded()
        if ticks >= Double(SimTime.max / 2) { return SimTime.max / 2 }
        if ticks <= -Double(SimTime.max / 2) { return -(SimTime.max / 2) }
        return SimTime(ticks)
    }

    /// The tick count nearest to `milliseconds`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func milliseconds(_ milliseconds: Double) -> SimTime {
        seconds(milliseconds / 1_000)
    }

    /// `ticks` as seconds.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func toSeconds(_ ticks: SimTime) -> Double {
        Double(ticks) / Double(perSecond)
    }
}
