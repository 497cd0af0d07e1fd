extension ScalerPolicy {
    /// The profile's poller-growth mechanism, resolved for the scaler.
    public struct Growth: Equatable, Sendable {
        /// The mechanism.
        public var rule: PollerGrowth
        /// Multiplier per scale-out (multiplicative growth only).
        public var factor: Double
        /// Pollers added per scale-out after multiplying (multiplicative growth only).
        public var increment: Double

        /// The growth a mode's behaviour asks for.
        public init(_ behaviour: ScalingBehaviour) {
            rule = behaviour.pollerGrowth
            factor = max(1, behaviour.growthFactor)
            increment = max(0, behaviour.growthIncrement)
        }

        /// The count a scale-out from `current` goes to when the scaler wants `wanted`
        /// (more than `current`): `wanted` itself, or with multiplicative growth
        /// `ceil(current * factor + increment)`, at least one more and never past `wanted`.
        public func next(after current: Int, wanted: Int) -> Int {
            switch rule {
            case .toWanted:
                return wanted
            case .multiplicative:
                let grown = (Double(current) * factor + increment).rounded(.up)
                guard grown < Double(wanted) else { return wanted }
                return max(current + 1, Int(grown))
            }
        }
    }
}
