import ESMScenarios
import ESMFormats

/// One CSV output of a sweep job, streamed row by row: a whole sweep's file is plain CSV;
/// a shard's file is framed by its `ShardIdentity` line and an end line with the row
/// count and checksum, which `merge` checks and drops.
final class SweepOutputFile {
    private let file: StreamedFile
    private let identity: ShardIdentity?
    private var checksum = ContentHash()
    private var rows = 0

    /// Opens `path` and writes the identity line (for a shard) and the header.
    init(path: String, identity: ShardIdentity?, header: [String]) throws(AtomicFile.WriteError) {
        file = try StreamedFile(path: path)
        self.identity = identity
        if let identity { try file.write(identity.line + "\n") }
        try append(header, counted: false)
    }

    /// Appends one row of cells.
    func append(_ cells: [String], counted: Bool = true) throws(AtomicFile.WriteError) {
        let line = CSVFormat.line(cells) + "\n"
        checksum.feed(line)
        if counted { rows += 1 }
        try file.write(line)
    }

    /// Writes the end line (for a shard) and puts the file in place.
    func commit() throws(AtomicFile.WriteError) {
        if identity != nil { try file.write(ShardIdentity.endLine(rows: rows, checksum: checksum) + "\n") }
        try file.commit()
    }

    /// Removes what was written.
    func abandon() { file.abandon() }

    /// Where the file ends up.
    var path: String { file.path }
}
