extension YAMLParser {
    /// A plain scalar in block context; it may continue on following lines indented more
    /// than `parentIndent`, which fold into one line (an empty line becomes a line break).
    mutating func parsePlainBlock(parentIndent: Int) throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        var text = readPlainLine(inFlow: false)
        while true {
            skipInlineBlanks()
            guard current == "\n" else { break }
            let endOfText = mark
            var emptyLines = 0
            advance()
            while true {
                while current == " " { index += 1 }
                guard current == "\n" else { break }
                emptyLines += 1
                advance()
            }
            if atEnd || current == "#" || current == "\t" || indent <= parentIndent || (indent == 0 && atDocumentMarker) {
                restore(endOfText)
                break
            }
            let continuationLine = line, continuationColumn = column
            let more = readPlainLine(inFlow: false)
            if current == ":" {
                throw error("a line of a multi-line value looks like 'key: value'; check the indentation, or quote the value",
                            line: continuationLine, column: continuationColumn)
            }
            text += emptyLines == 0 ? " " + more : String(repeating: "\n", count: emptyLines) + more
        }
        return YAMLNode(.scalar(text, .plain), line: startLine, column: startColumn)
    }

    /// The rest of a plain scalar's line: up to a line end, `: `, ` #` or, in flow
    /// context, a flow indicator. Trailing blanks are dropped.
    mutating func readPlainLine(inFlow: Bool) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != "\n" {
            if scalar == ":" {
                let next = peek(1)
                if Self.isBreakOrBlank(next) || (inFlow && Self.isFlowIndicator(next)) { break }
            }
            if scalar == "#" && index > 0 && Self.isBlank(chars[index - 1]) { break }
            if inFlow && Self.isFlowIndicator(scalar) { break }
            text.append(scalar)
            index += 1
        }
        return String(text).trimmingTrailingBlanks
    }

    /// A single- or double-quoted scalar, which may span lines (folded as YAML folds them).
    mutating func parseQuoted() throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        let quote = chars[index]
        let kind = quote == "'" ? "single" : "double"
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                throw error("unterminated \(kind)-quoted string", line: startLine, column: startColumn)
            }
            if scalar == quote {
                if quote == "'" && peek(1) == "'" {
                    out.append("'")
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if scalar == "\\" && quote == "\"" {
                index += 1
                guard let escaped = current else { throw error("unterminated double-quoted string", line: startLine, column: startColumn) }
                if escaped == "\n" {
                    // An escaped line break joins the lines without a space.
                    advance()
                    skipInlineBlanks()
                    continue
                }
                out.append(try parseEscape(escaped))
                continue
            }
            if scalar == "\n" {
                while let last = out.last, last == " " || last == "\t" { out.removeLast() }
                advance()
                var breaks = 0
                while true {
                    skipInlineBlanks()
                    guard current == "\n" else { break }
                    breaks += 1
                    advance()
                }
                if index - lineStart == 0 && atDocumentMarker {
                    throw error("unterminated \(kind)-quoted string", line: startLine, column: startColumn)
                }
                out.append(contentsOf: breaks == 0 ? " ".unicodeScalars : String(repeating: "\n", count: breaks).unicodeScalars)
                continue
            }
            out.append(scalar)
            index += 1
        }
        return YAMLNode(.scalar(String(out), quote == "'" ? .singleQuoted : .doubleQuoted), line: startLine, column: startColumn)
    }

    /// The character a double-quoted string's `\x` escape stands for; the index is on `x`.
    private mutating func parseEscape(_ escaped: Unicode.Scalar) throws(YAMLParser.SyntaxError) -> Unicode.Scalar {
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let scalar = simple[escaped] {
            index += 1
            return scalar
        }
        let digits: Int
        switch escaped {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: throw error("invalid escape '\\\(Character(escaped))' in a double-quoted string", line: line, column: column - 1)
        }
        index += 1
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = current, let digit = UInt32(String(scalar), radix: 16) else {
                throw error("expected \(digits) hexadecimal digits after '\\\(Character(escaped))'")
            }
            value = value * 16 + digit
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw error("'\\\(Character(escaped))' escape names no character") }
        return scalar
    }

    /// A literal (`|`) or folded (`>`) block scalar, with its chomping (`+`, `-`) and
    /// indentation (1-9) indicators.
    mutating func parseBlockScalar(parentIndent: Int) throws(YAMLParser.SyntaxError) -> YAMLNode {
        let startLine = line, startColumn = column
        let literal = chars[index] == "|"
        index += 1
        var chomping: Unicode.Scalar?
        var indentation: Int?
        for _ in 0..<2 {
            if let scalar = current, scalar == "+" || scalar == "-" {
                guard chomping == nil else { throw error("two chomping indicators") }
                chomping = scalar
                index += 1
            } else if let scalar = current, let digit = Int(String(scalar)), (1...9).contains(digit) {
                guard indentation == nil else { throw error("two indentation indicators") }
                indentation = digit
                index += 1
            }
        }
        skipInlineBlanks()
        if current == "#" && Self.isBlank(chars[index - 1]) { while !atLineEnd { index += 1 } }
        guard atLineEnd else { throw error("unexpected text after the block scalar's indicator; the text starts on the next line") }
        let base = max(parentIndent, 0)
        var contentIndent = indentation.map { base + $0 }
        var lines: [String] = []
        while current == "\n" {
            advance()
            let lineMark = mark
            var spaces = 0
            while current == " " { spaces += 1; index += 1 }
            if atLineEnd {
                lines.append(contentIndent.map { spaces > $0 ? String(repeating: " ", count: spaces - $0) : "" } ?? "")
                continue
            }
            if contentIndent == nil {
                guard spaces > parentIndent else { restore(lineMark); break }
                contentIndent = spaces
            }
            guard let contentIndent, spaces >= contentIndent, !(spaces == 0 && atDocumentMarker) else {
                restore(lineMark)
                break
            }
            if current == "\t" && spaces == contentIndent && lines.allSatisfy(\.isEmpty) && indentation == nil {
                throw error("a tab in the indentation; YAML indents with spaces")
            }
            var text = String.UnicodeScalarView(repeating: " ", count: spaces - contentIndent)
            while let scalar = current, scalar != "\n" {
                text.append(scalar)
                index += 1
            }
            lines.append(String(text))
        }
        let lastContent = lines.lastIndex { !$0.isEmpty }
        let body = lastContent.map { Array(lines[...$0]) } ?? []
        let trailing = lines.count - body.count
        var text = literal ? body.joined(separator: "\n") : Self.folded(body)
        switch chomping {
        case "-": break
        case "+": text += String(repeating: "\n", count: (body.isEmpty ? 0 : 1) + trailing)
        default: if !body.isEmpty { text += "\n" }
        }
        return YAMLNode(.scalar(text, literal ? .literal : .folded), line: startLine, column: startColumn)
    }

    /// Folded block scalar lines joined: a single line break between two ordinary lines
    /// becomes a space, empty lines become line breaks, and more-indented lines keep theirs.
    static func folded(_ lines: [String]) -> String {
        var result = ""
        var pendingBreaks = 0
        var previousMoreIndented = false
        var first = true
        for line in lines {
            if line.isEmpty {
                pendingBreaks += 1
                continue
            }
            let moreIndented = line.first == " " || line.first == "\t"
            if first {
                result += String(repeating: "\n", count: pendingBreaks)
                first = false
            } else if pendingBreaks == 0 {
                result += moreIndented || previousMoreIndented ? "\n" : " "
            } else {
                result += String(repeating: "\n", count: pendingBreaks + (moreIndented || previousMoreIndented ? 1 : 0))
            }
            result += line
            pendingBreaks = 0
            previousMoreIndented = moreIndented
        }
        return result
    }
}
