/// A parser for the subset of YAML that CloudFormation and SAM templates use: block
/// mappings and sequences, flow `[ ]` and `{ }`, plain, quoted and block (`|`, `>`)
/// scalars, comments, tags (`!Ref`, `!!str`) and anchors with aliases. Anything else
/// (tabs in indentation, directives, complex `?` keys, several documents) is refused
/// with the line and column where it stands.
///
/// - Complexity: O(n) in the text's length, apart from aliases, which copy their node.
public struct YAMLParser {
    /// A syntax error at a position.
    public struct SyntaxError: Error, Equatable, Sendable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// What was wrong.
        public var message: String
    }

    var chars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var anchors: [String: YAMLNode] = [:]
    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 256

    /// Parses `text` as one YAML document; an empty document is an empty plain scalar.
    public static func parse(_ text: String) throws(SyntaxError) -> YAMLNode {
        var parser = YAMLParser(text: text)
        return try parser.parseDocument()
    }

    init(text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            // Line ends become "\n": a CRLF file reads like an LF one, with the same columns.
            if scalar == "\n" && previous == "\r" { previous = scalar; continue }
            scalars.append(scalar == "\r" ? "\n" : scalar)
            previous = scalar
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        chars = scalars
    }

    // MARK: Position

    var column: Int { index - lineStart + 1 }
    var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < chars.count ? chars[index + offset] : nil }
    var atEnd: Bool { index >= chars.count }
    var atLineEnd: Bool { index >= chars.count || chars[index] == "\n" }

    func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }
    func error(_ message: String, line: Int, column: Int) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

    mutating func advance() {
        guard index < chars.count else { return }
        if chars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    /// A saved position, to look ahead and come back.
    struct Mark { var index: Int; var line: Int; var lineStart: Int }
    var mark: Mark { Mark(index: index, line: line, lineStart: lineStart) }
    mutating func restore(_ mark: Mark) {
        index = mark.index
        line = mark.line
        lineStart = mark.lineStart
    }

    static func isBlank(_ scalar: Unicode.Scalar?) -> Bool { scalar == " " || scalar == "\t" }
    /// A space, a tab, a line end or the end of the text: what must follow `-`, `:` and `#`'s left side.
    static func isBreakOrBlank(_ scalar: Unicode.Scalar?) -> Bool { scalar == nil || scalar == " " || scalar == "\t" || scalar == "\n" }
    static func isFlowIndicator(_ scalar: Unicode.Scalar?) -> Bool { scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}" }

    /// Whether only spaces stand between the line's start and the current position.
    var atLineContentStart: Bool { chars[lineStart..<index].allSatisfy { $0 == " " } }
    /// The current line's indentation when at its first content.
    var indent: Int { index - lineStart }

    mutating func skipInlineBlanks() {
        while Self.isBlank(current) { index += 1 }
    }

    /// Skips blanks, comments and empty lines up to the next content or the end. A tab
    /// in the indentation of a content line is an error: YAML indents with spaces only.
    mutating func skipBlankLines() throws(SyntaxError) {
        var tabColumn: Int? = nil
        var startedAtLineStart = index == lineStart
        while true {
            while Self.isBlank(current) {
                if current == "\t" && tabColumn == nil && startedAtLineStart && atLineContentStart { tabColumn = column }
                index += 1
            }
            if current == "#" {
                while !atLineEnd { index += 1 }
            }
            if current == "\n" {
                advance()
                tabColumn = nil
                startedAtLineStart = true
                continue
            }
            break
        }
        if !atEnd, let tabColumn {
            throw error("a tab in the indentation; YAML indents with spaces", line: line, column: tabColumn)
        }
    }

    /// After a node: the rest of its line may hold only blanks and a comment; then moves
    /// to the next content.
    mutating func finishNode() throws(SyntaxError) {
        if index > lineStart && !atLineContentStart {
            skipInlineBlanks()
            if current == "#" && Self.isBlank(chars[index - 1]) {
                while !atLineEnd { index += 1 }
            }
            guard atLineEnd else {
                if current == ":" { throw error("unexpected ':' (a mapping key must start its own line, or quote a value that holds ': ')") }
                throw error("unexpected text after the value")
            }
        }
        try skipBlankLines()
    }

    /// Whether the current position is at a document marker (`---` or `...` at column 1).
    var atDocumentMarker: Bool {
        guard index == lineStart, index + 3 <= chars.count else { return false }
        let three = chars[index..<index + 3]
        return (three.elementsEqual("---".unicodeScalars) || three.elementsEqual("...".unicodeScalars)) && Self.isBreakOrBlank(peek(3))
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    // MARK: Document

    mutating func parseDocument() throws(SyntaxError) -> YAMLNode {
        try skipBlankLines()
        if current == "%" && index == lineStart {
            throw error("directives (%YAML, %TAG) are not supported")
        }
        if atDocumentMarker && current == "-" {
            index += 3
            skipInlineBlanks()
            if current == "#" || atLineEnd { try skipBlankLines() }
        }
        var root = YAMLNode.empty(line: line, column: column)
        if !atEnd && !atDocumentMarker {
            root = try parseBlockNode(parentIndent: -1, inlineAfterKey: false)
            try finishNode()
        }
        if atDocumentMarker && current == "." {
            index += 3
            try finishNode()
        }
        if atDocumentMarker && current == "-" {
            throw error("a second document; esmsim reads one document per file")
        }
        if !atEnd {
            throw error(index == lineStart || atLineContentStart
                ? "bad indentation: this line is indented less than the block it belongs to"
                : "unexpected text")
        }
        return root
    }
}
