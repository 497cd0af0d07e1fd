import Foundation

/// Draws Poisson-distributed counts, exactly for small means and by the normal
/// approximation (continuity-corrected, never negative) for large ones.
public enum PoissonSampler {
    /// Above this mean the normal approximation is used; its error there is far below
    /// the noise of any workload this simulator models.
    public static let exactMeanLimit = 30.0

    /// One Poisson(mean) count.
    ///
    /// - Complexity: O(mean) draws up to `exactMeanLimit`, O(1) above it.
    public static func sample(mean: Double, _ random: inout RandomStream) -> Int64 {
        if mean <= 0 { return 0 }
        if mean <= exactMeanLimit {
            // Knuth's multiplication method: fine for small means.
            let limit = exp(-mean)
            var product = random.nextUnit()
            var count: Int64 = 0
            while product > limit {
                count += 1
                product *= random.nextUnit()
            }
            return count
        }
        let draw = mean + mean.squareRoot() * Distribution.standardNormal(&random)
        return max(0, Int64((draw + 0.5).rounded(.down)))
    }
}
