/// Kafka's default partitioner for keyed records: a key's partition is
/// `toPositive(murmur2(key bytes)) % partitions`, so equal keys share a partition and
/// the spread of keys, not of records, decides how even the partitions are.
public enum KafkaPartitioner {
    /// The partition of a record whose key serializes to `key`.
    public static func partition(ofKey key: [UInt8], partitions: Int) -> Int {
        Int(UInt32(bitPattern: murmur2(key)) & 0x7fff_ffff) % max(partitions, 1)
    }

    /// The 32-bit MurmurHash2 variant the Kafka client uses (seed 0x9747b28c), as a
    /// signed value the way the Java client returns it.
    /// - Complexity: O(key length).
    public static func murmur2(_ data: [UInt8]) -> Int32 {
        let multiplier: UInt32 = 0x5bd1_e995
        let shift: UInt32 = 24
        var hash: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: data.count)
        let whole = data.count / 4 * 4
        var index = 0
        while index < whole {
            var word = UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16 | UInt32(data[index + 3]) << 24
            word &*= multiplier
            word ^= word >> shift
            word &*= multiplier
            hash &*= multiplier
            hash ^= word
            index += 4
        }
        let tail = data.count - whole
        if tail == 3 { hash ^= UInt32(data[whole + 2]) << 16 }
        if tail >= 2 { hash ^= UInt32(data[whole + 1]) << 8 }
        if tail >= 1 {
            hash ^= UInt32(data[whole])
            hash &*= multiplier
        }
        hash ^= hash >> 13
        hash &*= multiplier
        hash ^= hash >> 15
        return Int32(bitPattern: hash)
    }
}
