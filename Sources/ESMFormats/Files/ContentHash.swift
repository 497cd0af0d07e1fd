/// A 64-bit FNV-1a hash of bytes, fed in pieces: enough to tell a file that was cut short,
/// edited or mixed with another from the one esmsim wrote (not a defence against forgery).
public struct ContentHash: Equatable, Sendable {
    /// The hash of everything fed so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash.
    public init() {}

    /// The hash of `text`'s UTF-8 bytes.
    public init(_ text: String) { feed(text) }

    /// Adds bytes.
    /// - Complexity: O(bytes).
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// Adds a string's UTF-8 bytes.
    public mutating func feed(_ text: String) {
        var copy = text
        copy.withUTF8 { feed($0) }
    }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
