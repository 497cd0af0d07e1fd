import Foundation

extension Distribution {
    /// The unnormalized Zipf weight of the item of rank `rank` (1-based): rank^(−exponent).
    /// Here, not in the model, because the model does not import Foundation.
    public static func zipfWeight(rank: Int, exponent: Double) -> Double {
        pow(Double(rank), -exponent)
    }
}
