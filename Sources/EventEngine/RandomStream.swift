/// A seeded xoshiro256** generator: fast, small, and the same sequence on every platform.
///
/// The state is filled from the seed by SplitMix64, as the xoshiro authors recommend,
/// so neighbouring seeds give unrelated sequences. The sequence from an explicit state
/// is pinned by tests to the authors' reference implementation.
public struct RandomStream: RandomNumberGenerator, Equatable, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a stream whose whole sequence is determined by `seed`.
    ///
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
    }

    /// Creates a stream at an explicit generator state, the reference implementation's
    /// `s[0]` to `s[3]`; the state must not be all zero, a fixed point.
    ///
    /// - Complexity: O(1).
    public init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** cannot start from the all-zero state")
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1), with 53 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1): safe to take the logarithm of.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }
}
