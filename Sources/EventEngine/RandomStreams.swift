/// Independent random streams derived from one run seed, one per named subsystem.
///
/// Each stream's seed mixes the run seed with a hash of the subsystem's name, so a
/// subsystem that starts drawing more numbers never shifts another subsystem's sequence.
public struct RandomStreams: Sendable {
    /// The run seed every stream derives from.
    public let seed: UInt64

    /// Creates the family of streams for `seed`.
    ///
    /// - Complexity: O(1).
    public init(seed: UInt64) { self.seed = seed }

    /// The stream for `subsystem`; the same name always gives the same stream.
    ///
    /// - Complexity: O(m) for a name of m UTF-8 bytes.
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
