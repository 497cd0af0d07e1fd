extension YAMLParser {
    /// Parses a node in block context. Its content (on this line, or on the following
    /// ones) must be indented more than `parentIndent`, except a sequence that is a
    /// mapping value, which may stand at its key's indentation. `inlineAfterKey` is set
    /// after `key: ` on the same line, where a block mapping or sequence cannot start.
    mutating func parseBlockNode(parentIndent: Int, inlineAfterKey: Bool) throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        let (tag, anchor) = try parseProperties(inFlow: false)
        var node: YAMLNode
        if (tag != nil || anchor != nil) && (atLineEnd || current == "#") {
            // The properties stand alone on their line; the content, if any, follows below.
            let afterProperties = mark
            try skipBlankLines()
            let sequenceHere = indent == parentIndent && current == "-" && Self.isBreakOrBlank(peek(1))
            if atEnd || atDocumentMarker || !(indent > parentIndent || sequenceHere) {
                restore(afterProperties)
                node = .empty(line: startLine, column: startColumn)
            } else {
                node = try parseBlockContent(parentIndent: parentIndent, inlineAfterKey: false)
            }
        } else {
            node = try parseBlockContent(parentIndent: parentIndent, inlineAfterKey: inlineAfterKey)
        }
        return try applying(tag: tag, anchor: anchor, to: node, line: startLine, column: startColumn)
    }

    /// A node's tag and anchor (`!Ref &name`), in either order, each at most once.
    mutating func parseProperties(inFlow: Bool) throws(YAMLParser.SyntaxError) -> (tag: String?, anchor: String?) {
        var tag: String?
        var anchor: String?
        while current == "!" || current == "&" {
            if current == "!" {
                guard tag == nil else { throw error("a node has at most one tag") }
                tag = try parseTag()
            } else {
                guard anchor == nil else { throw error("a node has at most one anchor") }
                anchor = try parseAnchorName()
            }
            if inFlow { try skipFlowBlanks() } else { skipInlineBlanks() }
        }
        return (tag, anchor)
    }

    /// The node with its tag and position set, remembered under its anchor.
    mutating func applying(tag: String?, anchor: String?, to node: YAMLNode, line: Int, column: Int) throws(YAMLParser.SyntaxError) -> YAMLNode {
        var node = node
        if let tag {
            node.tag = tag
            node.line = line
            node.column = column
        }
        if let anchor { anchors[anchor] = node }
        return node
    }

    private mutating func parseBlockContent(parentIndent: Int, inlineAfterKey: Bool) throws(YAMLParser.SyntaxError) -> YAMLNode {
        guard let first = current else { return .empty(line: line, column: column) }
        switch first {
        case "*":
            return try parseAlias()
        case "-" where Self.isBreakOrBlank(peek(1)):
            if inlineAfterKey { throw error("a block sequence cannot start on its key's line; start it on the next line") }
            return try parseBlockSequence(indent: column - 1)
        case "|", ">":
            return try parseBlockScalar(parentIndent: parentIndent)
        case "[", "{":
            let node = try parseFlowCollection()
            skipInlineBlanks()
            if current == ":" { throw error("a flow collection as a mapping key is not supported") }
            return node
        case "?" where Self.isBreakOrBlank(peek(1)):
            throw error("complex mapping keys ('? ') are not supported")
        case "%" where index == lineStart:
            throw error("directives (%YAML, %TAG) are not supported")
        case "@", "`":
            throw error("'\(first)' is reserved and cannot start a plain value; quote the value")
        default:
            if try looksLikeMappingKey() {
                if inlineAfterKey { throw error("a mapping cannot start on its key's line; start it on the next line, or quote a value that holds ': '") }
                return try parseBlockMapping(indent: column - 1)
            }
            if first == "'" || first == "\"" { return try parseQuoted() }
            return try parsePlainBlock(parentIndent: parentIndent)
        }
    }

    /// Whether the current line, from here, is `key:` followed by a blank or the line's end.
    func looksLikeMappingKey() throws(YAMLParser.SyntaxError) -> Bool {
        var position = index
        if let quote = current, quote == "'" || quote == "\"" {
            position += 1
            while position < chars.count && chars[position] != "\n" {
                if quote == "\"" && chars[position] == "\\" { position += 2; continue }
                if chars[position] == quote {
                    if quote == "'" && position + 1 < chars.count && chars[position + 1] == "'" { position += 2; continue }
                    break
                }
                position += 1
            }
            guard position < chars.count, chars[position] == quote else { return false }
            position += 1
            while position < chars.count && Self.isBlank(chars[position]) { position += 1 }
            return position < chars.count && chars[position] == ":" && Self.isBreakOrBlank(position + 1 < chars.count ? chars[position + 1] : nil)
        }
        while position < chars.count && chars[position] != "\n" {
            let scalar = chars[position]
            if scalar == ":" && Self.isBreakOrBlank(position + 1 < chars.count ? chars[position + 1] : nil) { return true }
            if scalar == "#" && position > index && Self.isBlank(chars[position - 1]) { return false }
            position += 1
        }
        return false
    }

    /// A block mapping whose keys stand at `indent`.
    mutating func parseBlockMapping(indent mappingIndent: Int) throws(YAMLParser.SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let startLine = line, startColumn = column
        var pairs: [YAMLNode.Pair] = []
        while true {
            if current == "?" && Self.isBreakOrBlank(peek(1)) { throw error("complex mapping keys ('? ') are not supported") }
            if current == "-" && Self.isBreakOrBlank(peek(1)) { throw error("a sequence entry where a mapping key was expected") }
            guard try looksLikeMappingKey() else {
                throw error("expected a mapping key ('key: value') at this indentation")
            }
            let key = try parseKey()
            if case .scalar(let text, _) = key.kind, pairs.contains(where: { $0.key.scalarText == text }) {
                throw error("duplicate key \"\(text)\"", line: key.line, column: key.column)
            }
            skipInlineBlanks()
            index += 1  // the ':' that looksLikeMappingKey found
            skipInlineBlanks()
            let value: YAMLNode
            if atLineEnd || current == "#" {
                let afterColon = mark
                let emptyLine = line, emptyColumn = column
                try skipBlankLines()
                let sequenceHere = indent == mappingIndent && current == "-" && Self.isBreakOrBlank(peek(1))
                if atEnd || atDocumentMarker || !(indent > mappingIndent || sequenceHere) {
                    restore(afterColon)
                    value = .empty(line: emptyLine, column: emptyColumn)
                } else {
                    value = try parseBlockNode(parentIndent: mappingIndent, inlineAfterKey: false)
                }
            } else {
                value = try parseBlockNode(parentIndent: mappingIndent, inlineAfterKey: true)
            }
            pairs.append(YAMLNode.Pair(key: key, value: value))
            try finishNode()
            if atEnd || atDocumentMarker || indent < mappingIndent { break }
            if indent > mappingIndent { throw error("bad indentation: more indented than the keys above it") }
        }
        return YAMLNode(.mapping(pairs), line: startLine, column: startColumn)
    }

    /// A mapping key: a plain or quoted scalar on one line, up to its `:`.
    mutating func parseKey() throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        if current == "'" || current == "\"" { return try parseQuoted() }
        var text = String.UnicodeScalarView()
        while let scalar = current, !(scalar == ":" && Self.isBreakOrBlank(peek(1))) {
            text.append(scalar)
            index += 1
        }
        return YAMLNode(.scalar(String(text).trimmingTrailingBlanks, .plain), line: startLine, column: startColumn)
    }

    /// A block sequence whose `-` entries stand at `indent`.
    mutating func parseBlockSequence(indent sequenceIndent: Int) throws(YAMLParser.SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let startLine = line, startColumn = column
        var items: [YAMLNode] = []
        while true {
            index += 1  // the '-'
            skipInlineBlanks()
            if atLineEnd || current == "#" {
                let afterDash = mark
                let emptyLine = line, emptyColumn = column
                try skipBlankLines()
                if atEnd || atDocumentMarker || indent <= sequenceIndent {
                    restore(afterDash)
                    items.append(.empty(line: emptyLine, column: emptyColumn))
                } else {
                    items.append(try parseBlockNode(parentIndent: sequenceIndent, inlineAfterKey: false))
                }
            } else {
                items.append(try parseBlockNode(parentIndent: sequenceIndent, inlineAfterKey: false))
            }
            try finishNode()
            if atEnd || atDocumentMarker || indent < sequenceIndent { break }
            if indent > sequenceIndent { throw error("bad indentation: more indented than the entries above it") }
            guard current == "-" && Self.isBreakOrBlank(peek(1)) else { break }
        }
        return YAMLNode(.sequence(items), line: startLine, column: startColumn)
    }

    /// `!Name`, `!!name`: the tag as written.
    mutating func parseTag() throws(YAMLParser.SyntaxError) -> String {
        let startLine = line, startColumn = column
        var text = String.UnicodeScalarView()
        text.append("!")
        index += 1
        if current == "<" { throw error("verbatim tags (!<...>) are not supported") }
        while let scalar = current, !Self.isBreakOrBlank(scalar), !Self.isFlowIndicator(scalar) {
            text.append(scalar)
            index += 1
        }
        let tag = String(text)
        if tag == "!" { throw error("a tag needs a name (such as !Ref)", line: startLine, column: startColumn) }
        return tag
    }

    /// `&name`: the anchor's name.
    mutating func parseAnchorName() throws(YAMLParser.SyntaxError) -> String {
        index += 1
        var name = String.UnicodeScalarView()
        while let scalar = current, !Self.isBreakOrBlank(scalar), !Self.isFlowIndicator(scalar) {
            name.append(scalar)
            index += 1
        }
        guard !name.isEmpty else { throw error("an anchor needs a name") }
        return String(name)
    }

    /// `*name`: a copy of the anchored node, at the alias's position.
    mutating func parseAlias() throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        let name = try parseAnchorName()
        guard var node = anchors[name] else {
            throw error("unknown alias *\(name): no anchor &\(name) before it", line: startLine, column: startColumn)
        }
        node.line = startLine
        node.column = startColumn
        return node
    }
}

extension String {
    /// The text without trailing spaces and tabs.
    var trimmingTrailingBlanks: String {
        var scalars = unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
