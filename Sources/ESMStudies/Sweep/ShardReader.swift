import ESMScenarios
import ESMFormats
import Foundation

/// Reads one shard file record by record, for a merge that streams many shards at once:
/// the file is opened only to refill a bounded buffer, so neither memory nor open files
/// grow with the shard count, and records come back as the exact bytes written (quoted
/// cells, commas and newlines inside quotes included), with a running checksum.
final class ShardReader {
    /// The shard file.
    let path: String
    /// The identity line, once `open` has read it.
    private(set) var identity: ShardIdentity?
    /// Hash of every record read so far (the header row included), as the writer computed it.
    private(set) var checksum = ContentHash()
    /// 1-based line of the next record.
    private(set) var line = 1
    private var buffer: [UInt8] = []
    private var position = 0
    private var fileOffset: UInt64 = 0
    private var atEndOfFile = false
    private let chunk: Int

    /// One CSV record: its bytes (newline included), its cell count and first line.
    struct Record {
        let bytes: ArraySlice<UInt8>
        let cells: Int
        let line: Int
        /// The first cell, unquoted as esmsim writes points.
        var firstCell: String { String(decoding: bytes.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\n") }, as: UTF8.self) }
    }

    /// A reader of `path` holding at most about `chunk` bytes at a time.
    init(path: String, chunk: Int) {
        self.path = path
        self.chunk = max(4_096, chunk)
    }

    /// The next record, nil at the end of the file; a record cut short (no final newline)
    /// comes back without it, for the caller to refuse.
    func next() throws(ShardMerge.MergeError) -> Record? {
        var scan = position
        var inQuotes = false
        var commas = 0
        var newlines = 0
        while true {
            while scan < buffer.count {
                let byte = buffer[scan]
                scan += 1
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if byte == UInt8(ascii: "\n") {
                    newlines += 1
                    if !inQuotes { return take(upTo: scan, cells: commas + 1, newlines: newlines) }
                } else if byte == UInt8(ascii: ","), !inQuotes {
                    commas += 1
                }
            }
            if atEndOfFile {
                return scan > position ? take(upTo: scan, cells: commas + 1, newlines: newlines) : nil
            }
            scan -= position
            try refill()
        }
    }

    /// The first line as an identity; nil when the file does not start with one.
    func readIdentity() throws(ShardMerge.MergeError) -> ShardIdentity? {
        guard let record = try next(), record.bytes.first == UInt8(ascii: "#") else { return nil }
        identity = ShardIdentity.parse(Substring(String(decoding: record.bytes.dropLast(), as: UTF8.self)))
        checksum = ContentHash()
        return identity
    }

    /// The last line of the file, read from its end without reading the rest; nil when
    /// the file does not end with a newline.
    func lastLine() throws(ShardMerge.MergeError) -> Substring? {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ShardMerge.MergeError("cannot read \(path)") }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: size - min(size, 512))
            let tail = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
            guard tail.hasSuffix("\n") else { return nil }
            return tail.dropLast().split(separator: "\n", omittingEmptySubsequences: false).last
        } catch {
            throw ShardMerge.MergeError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    private func take(upTo end: Int, cells: Int, newlines: Int) -> Record {
        let record = Record(bytes: buffer[position..<end], cells: cells, line: line)
        checksum.feed(record.bytes)
        position = end
        line += newlines
        return record
    }

    /// Drops what was read and appends the file's next chunk.
    private func refill() throws(ShardMerge.MergeError) {
        buffer.removeFirst(position)
        position = 0
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ShardMerge.MergeError("cannot read \(path)") }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: fileOffset)
            let data = try handle.read(upToCount: chunk) ?? Data()
            if data.isEmpty { atEndOfFile = true }
            fileOffset += UInt64(data.count)
            buffer.append(contentsOf: data)
        } catch {
            throw ShardMerge.MergeError("cannot read \(path): \(error.localizedDescription)")
        }
    }
}
