import Foundation

/// A probability distribution of non-negative or real quantities, sampled from a `RandomStream`.
///
/// Parameters are in the caller's unit (milliseconds, bytes...); the distribution does
/// not know which.
public enum Distribution: Equatable, Sendable {
    /// Always `value`.
    case constant(Double)
    /// Uniform on [low, high].
    case uniform(low: Double, high: Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Normal with the given mean and standard deviation.
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal whose logarithm has mean `mu` and standard deviation `sigma`.
    case lognormal(mu: Double, sigma: Double)
    /// One of `values`, each equally likely.
    case empirical(values: [Double])
    /// A piecewise-linear inverse CDF through `points` (value, cumulative probability),
    /// sorted by probability, the last probability being 1.
    case empiricalCDF(points: [CDFPoint])

    /// One point of an empirical cumulative distribution.
    public struct CDFPoint: Equatable, Sendable {
        /// The quantity.
        public var value: Double
        /// P(X <= value).
        public var probability: Double

        /// Creates a point.
        ///
        /// - Complexity: O(1).
        public init(value: Double, probability: Double) {
            self.value = value
            self.probability = probability
        }
    }
}

extension Distribution {
    /// Draws one value.
    ///
    /// - Complexity: O(1), except `empiricalCDF`: O(log k) for k points.
    public func sample(_ random: inout RandomStream) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * random.nextUnit()
        case .exponential(let mean):
            return -mean * log(random.nextOpenUnit())
        case .normal(let mean, let standardDeviation):
            return mean + standardDeviation * Self.standardNormal(&random)
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Self.standardNormal(&random))
        case .empirical(let values):
            return values[Int(random.next() % UInt64(values.count))]
        case .empiricalCDF(let points):
            return Self.inverseCDF(points, at: random.nextUnit())
        }
    }

    /// The distribution's mean.
    ///
    /// - Complexity: O(1), except the empirical cases: O(k) for k values or points.
    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .exponential(let mean): return mean
        case .normal(let mean, _): return mean
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .empirical(let values): return values.reduce(0, +) / Double(values.count)
        case .empiricalCDF(let points): return Self.cdfMoments(points).mean
        }
    }

    /// The distribution's variance.
    ///
    /// - Complexity: O(1), except the empirical cases: O(k) for k values or points.
    public var variance: Double {
        switch self {
        case .constant: return 0
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .exponential(let mean): return mean * mean
        case .normal(_, let standardDeviation): return standardDeviation * standardDeviation
        case .lognormal(let mu, let sigma): return (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        case .empirical(let values):
            let mean = self.mean
            return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        case .empiricalCDF(let points): return Self.cdfMoments(points).variance
        }
    }

    /// A standard normal deviate by the Box-Muller transform (one of the pair is used,
    /// so each draw consumes exactly two numbers and streams stay aligned).
    ///
    /// - Complexity: O(1).
    public static func standardNormal(_ random: inout RandomStream) -> Double {
        let u1 = random.nextOpenUnit()
        let u2 = random.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    static func inverseCDF(_ points: [CDFPoint], at u: Double) -> Double {
        // Binary search for the first point at or above u: probabilities never fall.
        var low = 0, high = points.count
        while low < high {
            let middle = (low + high) / 2
            if u <= points[middle].probability { high = middle } else { low = middle + 1 }
        }
        guard low < points.count else { return points[points.count - 1].value }
        let point = points[low]
        let previous = low == 0 ? CDFPoint(value: points[0].value, probability: 0) : points[low - 1]
        let span = point.probability - previous.probability
        if span <= 0 { return point.value }
        return previous.value + (point.value - previous.value) * (u - previous.probability) / span
    }

    /// Mean and variance of the piecewise-uniform distribution an empirical CDF describes.
    static func cdfMoments(_ points: [CDFPoint]) -> (mean: Double, variance: Double) {
        var mean = 0.0
        var secondMoment = 0.0
        var previous = CDFPoint(value: points[0].value, probability: 0)
        for point in points {
            let weight = point.probability - previous.probability
            if weight > 0 {
                let a = previous.value, b = point.value
                mean += weight * (a + b) / 2
                secondMoment += weight * (a * a + a * b + b * b) / 3
            }
            previous = point
        }
        return (mean, max(0, secondMoment - mean * mean))
    }
}
