import Foundation

/// Reads a user's input file as UTF-8 text, saying in plain words why it cannot be read:
/// missing, a folder, not permitted, or not UTF-8 (with the line and column of the first
/// bad byte), never as an error domain and code.
public enum TextFile {
    /// The text of `path`; `kind` names the file in messages ("scenario file").
    public static func read(path: String, kind: String = "file") throws(DiagnosticError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticError(Diagnostic(file: path, problem: .unreadable(kind: kind, reason: obstacle(to: path) ?? Diagnostic.reason(error))))
        }
        if let text = String(validatingUTF8Bytes: data) { return text }
        let (line, column) = position(ofFirstInvalidByteIn: data)
        throw DiagnosticError(Diagnostic(file: path, line: line, column: column, path: "", problem: .notUTF8(kind: kind, line: line, column: column)))
    }

    /// Why `path` cannot be read as a file, when the file system can tell.
    public static func obstacle(to path: String) -> String? {
        if path.isEmpty { return "an empty path names no file" }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "no such file" }
        if isFolder.boolValue { return "\(path) is a folder, not a file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return nil
    }

    /// The 1-based line and column (in characters) of the first byte of `data` that is
    /// not part of well-formed UTF-8.
    /// - Complexity: O(n) in the size of `data`.
    public static func position(ofFirstInvalidByteIn data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if there is none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        let secondRange: ClosedRange<UInt8>
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2; secondRange = 0x80...0xBF
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3; secondRange = 0x80...0xBF
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4; secondRange = 0x80...0xBF
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}

extension String {
    /// `data` as a string, or nil if it is not well-formed UTF-8 (Foundation's decoder
    /// would replace bad bytes or fail without saying where).
    init?(validatingUTF8Bytes data: Data) {
        var valid = true
        let text = String(decoding: data, as: UTF8.self)
        // Decoding replaces each bad sequence with U+FFFD; a file may also contain U+FFFD itself,
        // so compare byte counts only when a replacement character appears.
        if text.unicodeScalars.contains("\u{FFFD}") {
            valid = Array(text.utf8) == [UInt8](data)
        }
        guard valid else { return nil }
        self = text
    }
}
