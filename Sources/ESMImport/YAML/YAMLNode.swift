/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with its tag
/// (`!Ref`, `!!str`) and the position of its first character, keys in file order.
public struct YAMLNode: Equatable, Sendable {
    /// How a scalar was written; only plain scalars are resolved to numbers, booleans and null.
    public enum ScalarStyle: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One key-value pair of a mapping.
    public struct Pair: Equatable, Sendable {
        /// The key.
        public var key: YAMLNode
        /// The value.
        public var value: YAMLNode
    }

    /// The node's content.
    public indirect enum Kind: Equatable, Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    /// The content.
    public var kind: Kind
    /// The tag as written (`!Ref`, `!!str`), if any.
    public var tag: String?
    /// 1-based line of the node's first character (its tag's, when it has one).
    public var line: Int
    /// 1-based column of the node's first character.
    public var column: Int

    /// Creates a node at a position.
    public init(_ kind: Kind, tag: String? = nil, line: Int, column: Int) {
        self.kind = kind
        self.tag = tag
        self.line = line
        self.column = column
    }

    /// An empty plain scalar (YAML's null) at a position.
    static func empty(line: Int, column: Int) -> YAMLNode {
        YAMLNode(.scalar("", .plain), line: line, column: column)
    }

    /// The text, if this is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }
}
