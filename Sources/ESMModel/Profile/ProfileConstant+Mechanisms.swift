extension ProfileConstant {
    /// The constants only a non-default mechanism reads (`ProfileSetting`): optional in
    /// profile files, so a profile that keeps aws-2024's mechanisms lists none of them and
    /// renders (and hashes) exactly as before they existed.
    static func mechanismConstants(
        prefix: String, _ mode: WritableKeyPath<BehaviourProfile, ScalingBehaviour>
    ) -> [ProfileConstant] {
        func optional(
            _ field: String, _ unit: String, _ meaning: String, _ path: WritableKeyPath<ScalingBehaviour, Double>,
            range: ClosedRange<Double>, grid: SearchGrid
        ) -> ProfileConstant {
            var constant = ProfileConstant(name: "\(prefix).\(field)", unit: unit, meaning: meaning,
                                           keyPath: mode.appending(path: path), isWhole: false, range: range, search: grid)
            constant.defaultValue = ScalingBehaviour()[keyPath: path]
            return constant
        }
        return [
            optional("growthFactor", "ratio", "with multiplicative poller growth: factor each scale-out multiplies the pollers by",
                     \.growthFactor, range: 1...10, grid: .init(range: 1...4, step: 0.05)),
            optional("growthIncrement", "pollers", "with multiplicative poller growth: pollers each scale-out adds after multiplying",
                     \.growthIncrement, range: 0...2_000, grid: .init(range: 0...200, step: 1)),
        ]
    }
}
