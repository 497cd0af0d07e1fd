/// A seeded xoshiro256** generator: fast, small, and the same sequence on every platform.
///
/// The state is filled from the seed by SplitMix64, as the xoshiro authors recommend,
/// so neighbouring seeds give unrelated sequences.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a stream whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
    }

    /// The next 64 random bits.
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
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1): safe to take the logarithm of.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }
}

/// SplitMix64, used to expand one seed into generator state and to derive stream seeds.
public struct SplitMix64: Sendable {
    /// The generator's running state.
    public var state: UInt64

    /// Creates a generator at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Independent random streams derived from one run seed, one per named subsystem.
///
/// Each stream's seed mixes the run seed with a hash of the subsystem's name, so a
/// subsystem that starts drawing more numbers never shifts another subsystem's sequence.
public struct RandomStreams: Sendable {
    /// The run seed every stream derives from.
    public let seed: UInt64

    /// Creates the family of streams for `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// The stream for `subsystem`; the same name always gives the same stream.
    public func stream(_ subsystem: String) -> RandomStream {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: stable across runs and platforms
        for byte in subsystem.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(state: seed ^ hash)
        return RandomStream(seed: mixer.next())
    }
}
