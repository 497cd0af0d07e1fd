/// SplitMix64, used to expand one seed into generator state and to derive stream seeds.
public struct SplitMix64: Sendable {
    /// The generator's running state.
    public var state: UInt64

    /// Creates a generator at `state`.
    ///
    /// - Complexity: O(1).
    public init(state: UInt64) { self.state = state }

    /// The next 64 bits.
    ///
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
