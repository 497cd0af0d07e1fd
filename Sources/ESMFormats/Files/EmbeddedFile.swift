/// A data file compiled into the binary, so the binary carries its own profiles and
/// prices and runs wherever it is copied, with no resource bundle beside it.
///
/// The files themselves stay in the source tree as the readable originals; generated
/// Swift files hold their text, and a test fails when the two differ.
public struct EmbeddedFile: Sendable {
    /// The file's name, as it is in the source tree (`aws-2024.json`).
    public let name: String
    /// The file's text, byte for byte.
    public let text: String

    /// An embedded file.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
