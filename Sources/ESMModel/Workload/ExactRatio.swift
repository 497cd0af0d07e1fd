/// Floor division of a product, `⌊(a × b + c) / d⌋` with its remainder, in exact integer
/// arithmetic: 64 bits when the product fits, 128 bits when it does not.
///
/// The arrival curve counts records with it (`ArrivalCurve`), so a count at a later time
/// is a shifted count, exactly, which the compressed path relies on.
enum ExactRatio {
    /// `⌊(a × b + c) / d⌋` and the remainder, for `a, b >= 0`, `d > 0` and `a × b + c >= 0`.
    /// A quotient beyond `Int64.max` saturates (no count or time gets there).
    /// - Complexity: O(1).
    @inline(__always)
    static func divide(_ a: Int64, times b: Int64, plus c: Int64, by d: Int64) -> (quotient: Int64, remainder: Int64) {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow {
            let (sum, carry) = product.addingReportingOverflow(c)
            if !carry { return (sum / d, sum % d) }
        }
        return wideDivide(a, times: b, plus: c, by: d)
    }

    /// `divide` through 128 bits.
    static func wideDivide(_ a: Int64, times b: Int64, plus c: Int64, by d: Int64) -> (quotient: Int64, remainder: Int64) {
        var (high, low) = UInt64(a).multipliedFullWidth(by: UInt64(b))
        if c >= 0 {
            let (sum, carry) = low.addingReportingOverflow(UInt64(c))
            low = sum
            if carry { high += 1 }
        } else {
            let (difference, borrow) = low.subtractingReportingOverflow(c.magnitude)
            low = difference
            if borrow { high -= 1 }
        }
        let divisor = UInt64(d)
        // The quotient fits 64 bits only below divisor × 2^64; beyond that it saturates.
        guard high < divisor else { return (Int64.max, 0) }
        let (quotient, remainder) = divisor.dividingFullWidth((high, low))
        return (Int64(clamping: quotient), Int64(remainder))
    }

    /// The fraction closest to `value` (>= 0) with a denominator up to `denominatorLimit`,
    /// found by continued fractions: `value` itself when it is such a fraction (whole and
    /// decimal rates, 1/120), else its last convergent within the limit.
    /// - Complexity: O(log denominatorLimit).
    static func rational(approximating value: Double, denominatorLimit: Int64) -> (numerator: Int64, denominator: Int64) {
        guard value > 0 else { return (0, 1) }
        // Beyond this a numerator over a large denominator would not fit: whole records then.
        guard value < Double(Int64.max / (4 * denominatorLimit)) else { return (Int64(min(value, 9e18)), 1) }
        var (numerator, denominator) = (Int64(value), Int64(1))
        var (previousNumerator, previousDenominator) = (Int64(1), Int64(0))
        var rest = value - Double(numerator)
        for _ in 0..<64 where Double(numerator) / Double(denominator) != value && rest > 0 {
            let inverse = 1 / rest
            guard inverse < Double(denominatorLimit) * 2 else { break }
            let term = Int64(inverse)
            let next = (term * numerator + previousNumerator, term * denominator + previousDenominator)
            guard next.1 <= denominatorLimit else { break }
            (previousNumerator, previousDenominator) = (numerator, denominator)
            (numerator, denominator) = next
            rest = inverse - Double(term)
        }
        return (numerator, denominator)
    }

    /// The greatest common divisor of two non-negative numbers.
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
