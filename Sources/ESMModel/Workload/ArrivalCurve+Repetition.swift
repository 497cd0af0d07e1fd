import EventEngine

extension ArrivalCurve {
    /// Records per tick of uniform arrivals at `recordsPerSecond`, as `rate / scale` in
    /// lowest terms: the rate taken as the fraction it is written as, or the closest one
    /// whose denominator is at most `rateDenominatorLimit`.
    static func ratePerTick(recordsPerSecond: Double) -> (rate: Int64, scale: Int64) {
        let perSecond = ExactRatio.rational(approximating: recordsPerSecond, denominatorLimit: rateDenominatorLimit)
        let wholeScale = perSecond.denominator * Ticks.perSecond
        let common = max(ExactRatio.gcd(perSecond.numerator, wholeScale), 1)
        return (perSecond.numerator / common, wholeScale / common)
    }

    /// How long uniform arrivals at `recordsPerSecond`, dealt by a split that repeats every
    /// `splitPeriod` records (`PartitionSplit.period`), take to repeat for every partition:
    /// the count's phase comes back every `scale` ticks, bringing `rate` records, and the
    /// topic count modulo the split's period after `splitPeriod / gcd(rate, splitPeriod)`
    /// such spans. Nil when that does not fit 63 bits.
    ///
    /// The compressed path can repeat a cycle of production only once it has seen this
    /// much of it (`WorkEstimate` counts what it takes).
    /// - Complexity: O(log of the rate's denominator).
    public static func repetitionTicks(recordsPerSecond: Double, splitPeriod: Int64) -> SimTime? {
        let (rate, scale) = ratePerTick(recordsPerSecond: recordsPerSecond)
        guard rate > 0 else { return 1 }
        let spans = splitPeriod / max(ExactRatio.gcd(rate, splitPeriod), 1)
        let (ticks, overflow) = scale.multipliedReportingOverflow(by: spans)
        return overflow ? nil : ticks
    }
}
