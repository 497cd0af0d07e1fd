import Foundation

/// The mean of a sample and its two-sided 95 % confidence interval, from Student's t
/// distribution (the runs of replications are independent, their spread unknown).
public struct ConfidenceInterval: Equatable, Sendable {
    /// Values the interval is computed from.
    public var count: Int
    /// Their mean.
    public var mean: Double
    /// Half the interval's width; nil with fewer than two values.
    public var halfWidth: Double?

    /// The interval of `values`; nil for no values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        count = values.count
        mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else {
            halfWidth = nil
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        halfWidth = Self.studentT975(degreesOfFreedom: values.count - 1) * (variance / Double(values.count)).squareRoot()
    }

    /// The lower end.
    public var low: Double? { halfWidth.map { mean - $0 } }
    /// The upper end.
    public var high: Double? { halfWidth.map { mean + $0 } }

    /// Student's t 97.5 % quantiles for 1 to 30 degrees of freedom (standard tables).
    static let tTable: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// The 97.5 % quantile of Student's t: the table up to 30 degrees of freedom, then the
    /// Cornish-Fisher expansion around the normal quantile (error below 0.001 there).
    static func studentT975(degreesOfFreedom: Int) -> Double {
        if degreesOfFreedom <= tTable.count { return tTable[degreesOfFreedom - 1] }
        let z = 1.959964
        let n = Double(degreesOfFreedom)
        return z + (z * z * z + z) / (4 * n) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n)
    }
}
