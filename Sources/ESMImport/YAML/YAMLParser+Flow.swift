extension YAMLParser {
    /// A flow sequence `[a, b]` or flow mapping `{k: v}`, which may span lines.
    mutating func parseFlowCollection() throws(YAMLParser.SyntaxError) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let startLine = line, startColumn = column
        let isSequence = chars[index] == "["
        let close: Unicode.Scalar = isSequence ? "]" : "}"
        let name = isSequence ? "flow sequence" : "flow mapping"
        index += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        try skipFlowBlanks()
        if current == close {
            index += 1
            return YAMLNode(isSequence ? .sequence([]) : .mapping([]), line: startLine, column: startColumn)
        }
        while true {
            let entry = try parseFlowNode(closing: close)
            try skipFlowBlanks()
            var value: YAMLNode?
            if current == ":" {
                index += 1
                try skipFlowBlanks()
                value = current == "," || current == close ? .empty(line: line, column: column) : try parseFlowNode(closing: close)
                try skipFlowBlanks()
            }
            if isSequence {
                // `[key: value]` is a sequence holding a one-pair mapping.
                items.append(value.map { YAMLNode(.mapping([YAMLNode.Pair(key: entry, value: $0)]), line: entry.line, column: entry.column) } ?? entry)
            } else {
                if let text = entry.scalarText, pairs.contains(where: { $0.key.scalarText == text }) {
                    throw error("duplicate key \"\(text)\"", line: entry.line, column: entry.column)
                }
                pairs.append(YAMLNode.Pair(key: entry, value: value ?? .empty(line: entry.line, column: entry.column)))
            }
            guard let scalar = current else {
                throw error("unterminated \(name): expected '\(Character(close))'", line: startLine, column: startColumn)
            }
            if scalar == "," {
                index += 1
                try skipFlowBlanks()
                if current == close {
                    index += 1
                    break
                }
                continue
            }
            if scalar == close {
                index += 1
                break
            }
            throw error("expected ',' or '\(Character(close))' in a \(name)")
        }
        return YAMLNode(isSequence ? .sequence(items) : .mapping(pairs), line: startLine, column: startColumn)
    }

    /// Skips spaces, line breaks and comments between the entries of a flow collection.
    mutating func skipFlowBlanks() throws(YAMLParser.SyntaxError) {
        while let scalar = current {
            if Self.isBlank(scalar) {
                index += 1
            } else if scalar == "\n" {
                advance()
                if index < chars.count, atDocumentMarker { throw error("a document marker inside a flow collection") }
            } else if scalar == "#" && (index == lineStart || Self.isBlank(chars[index - 1])) {
                while !atLineEnd { index += 1 }
            } else {
                return
            }
        }
    }

    /// One entry (or key) of a flow collection.
    mutating func parseFlowNode(closing: Unicode.Scalar) throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        let (tag, anchor) = try parseProperties(inFlow: true)
        let node: YAMLNode
        switch current {
        case nil:
            throw error("unexpected end of file inside a flow collection")
        case "[", "{":
            node = try parseFlowCollection()
        case "'", "\"":
            node = try parseQuoted()
        case "*":
            node = try parseAlias()
        case ",", "]", "}", ":":
            guard tag != nil || anchor != nil else { throw error("expected a value") }
            node = .empty(line: line, column: column)
        case "|", ">":
            throw error("a block scalar cannot stand inside a flow collection")
        case "@", "`":
            throw error("'\(Character(current!))' is reserved and cannot start a plain value; quote the value")
        case "-" where Self.isBreakOrBlank(peek(1)):
            throw error("a block sequence entry ('- ') inside a flow collection")
        default:
            node = try parsePlainFlow()
        }
        return try applying(tag: tag, anchor: anchor, to: node, line: startLine, column: startColumn)
    }

    /// A plain scalar inside a flow collection, ending at `,`, a bracket, `: ` or a comment;
    /// continuation lines fold into one with a space.
    mutating func parsePlainFlow() throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        var text = readPlainLine(inFlow: true)
        while true {
            let endOfText = mark
            skipInlineBlanks()
            guard current == "\n" else { restore(endOfText); break }
            try skipFlowBlanks()
            guard let scalar = current, !Self.isFlowIndicator(scalar), scalar != ":", scalar != "#",
                  scalar != "'", scalar != "\"", scalar != "!", scalar != "&", scalar != "*" else {
                restore(endOfText)
                break
            }
            text += " " + readPlainLine(inFlow: true)
        }
        return YAMLNode(.scalar(text, .plain), line: startLine, column: startColumn)
    }
}
