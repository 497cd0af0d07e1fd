import ESMScenarios

/// A scenario written from an imported mapping: its JSON text, and the account of what
/// was read, assumed, left unresolved and ignored.
public struct ImportedScenario: Sendable {
    /// The mapping it came from.
    public var mapping: ImportedMapping
    /// The scenario's name, also its file's name without `.json`.
    public var name: String
    /// The scenario file's text.
    public var text: String
    /// What was read, assumed, unresolved and ignored, one line each.
    public var report: [String]
}
