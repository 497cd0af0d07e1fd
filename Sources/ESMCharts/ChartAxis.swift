import Foundation

/// A value axis from zero to a "nice" upper bound, with evenly spaced nice tick values.
///
/// Nice steps are 1, 2, 2.5 or 5 times a power of ten, so ticks read 0, 5M, 10M, 15M, 20M
/// rather than 0, 4.3M, 8.6M. Tick values are computed as `index * step`, never by
/// repeated addition, so they carry no accumulated rounding.
public struct ChartAxis: Equatable, Sendable {
    /// The distance between ticks.
    public var step: Double
    /// The number of steps from zero to the top of the axis.
    public var stepCount: Int

    /// The top of the axis: the smallest multiple of `step` at or above the data.
    public var upper: Double { Double(stepCount) * step }

    /// Tick values from zero to `upper` inclusive.
    public var ticks: [Double] { (0...stepCount).map { Double($0) * step } }

    /// An axis from zero covering `maximum`, with about `targetTicks` steps and a step of
    /// at least `minimumStep` (1 for counts, which have no fractional ticks).
    ///
    /// A maximum of zero or below (an idle series) gets an axis up to one `minimumStep`,
    /// or up to 1 when there is no minimum.
    public static func covering(_ maximum: Double, targetTicks: Int = 5, minimumStep: Double = 0) -> ChartAxis {
        let top = maximum > 0 && maximum.isFinite ? maximum : max(minimumStep, 1)
        let rough = top / Double(max(1, targetTicks))
        let power = pow(10, (log10(rough)).rounded(.down))
        // A step must be a whole multiple of the minimum, so counts never get a 2.5 tick.
        let multiplier = [1.0, 2, 2.5, 5, 10].first { candidate in
            let step = candidate * power
            return step >= rough * (1 - 1e-9) && (minimumStep == 0 || step.truncatingRemainder(dividingBy: minimumStep) == 0)
        } ?? 10
        let step = max(multiplier * power, minimumStep)
        // The tolerance keeps a maximum that is exactly a multiple of the step from gaining an extra step.
        let count = max(1, Int((top / step - 1e-9).rounded(.up)))
        return ChartAxis(step: step, stepCount: count)
    }

    /// Where `value` falls along the axis, from 0 (bottom) to 1 (top).
    public func fraction(_ value: Double) -> Double {
        value / upper
    }
}
