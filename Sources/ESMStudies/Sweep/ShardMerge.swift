import ESMScenarios
import ESMFormats
import Foundation

/// Joins the files that the shards of a sweep wrote into the files one unsharded run
/// writes, byte for byte: rows ordered by their `point` column, each point's rows in the
/// order its shard wrote them. Every shard must prove it belongs: its identity line must
/// match the others', its rows must be exactly the points and count it promises, and its
/// end line's checksum must match what was read; otherwise nothing is written.
public enum ShardMerge {
    /// Why shard files cannot be merged.
    public struct MergeError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// One shard file found among the inputs.
    struct Found {
        let path: String
        let stem: String
        let shard: Shard
    }

    /// Finds the shard files among `inputs` (files, or folders searched for
    /// `STEM.shard-I-of-N.csv`), merges each stem's shards into `folder/STEM.csv` (stems
    /// in name order) and returns the paths written. Memory holds a bounded buffer per
    /// shard, not the sweep; `progress` hears of every row merged.
    /// - Complexity: O(bytes of the shards).
    public static func merge(_ inputs: [String], into folder: String, progress: ((Int) -> ProgressMeter)? = nil) throws(MergeError) -> [String] {
        let found = try find(inputs)
        let stems = Array(Set(found.map(\.stem))).sorted()
        var outputs: [StreamedFile] = []
        defer { for output in outputs { output.abandon() } }
        for stem in stems {
            let shards = found.filter { $0.stem == stem }.sorted { $0.shard.index < $1.shard.index }
            let output: StreamedFile
            do {
                output = try StreamedFile(path: folder + "/\(stem).csv")
            } catch {
                throw MergeError(error.description)
            }
            outputs.append(output)
            try join(shards, stem: stem, into: output, progress: progress)
        }
        do {
            for output in outputs { try output.commit() }
        } catch {
            throw MergeError(error.description)
        }
        return outputs.map(\.path)
    }

    /// The shard files named or held by `inputs`.
    static func find(_ inputs: [String]) throws(MergeError) -> [Found] {
        var found: [Found] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else { throw MergeError("\(input) does not exist") }
            if isFolder.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).sorted()
                let folder = input.hasSuffix("/") ? input : input + "/"
                found += names.compactMap { name in Shard.parseFileName(name).map { Found(path: folder + name, stem: $0.stem, shard: $0.shard) } }
            } else {
                let name = URL(fileURLWithPath: input).lastPathComponent
                guard let parsed = Shard.parseFileName(name) else {
                    throw MergeError("\(input) is not a shard file (STEM.shard-I-of-N.csv with 1 <= I <= N <= \(Shard.maximumCount))")
                }
                found.append(Found(path: input, stem: parsed.stem, shard: parsed.shard))
            }
        }
        guard !found.isEmpty else { throw MergeError("no shard files (STEM.shard-I-of-N.csv) in \(inputs.joined(separator: ", "))") }
        return found
    }

    /// One stem's shards, checked and interleaved into `output`.
    static func join(_ shards: [Found], stem: String, into output: StreamedFile, progress: ((Int) -> ProgressMeter)?) throws(MergeError) {
        let count = shards[0].shard.count
        guard shards.allSatisfy({ $0.shard.count == count }) else {
            throw MergeError("\(stem): shards of different splits (\(Set(shards.map(\.shard.count)).sorted().map(String.init).joined(separator: ", ")))")
        }
        let indices = shards.map(\.shard.index)
        if let twice = shards.indices.first(where: { $0 > 0 && indices[$0] == indices[$0 - 1] }) {
            throw MergeError("\(stem): shard \(indices[twice]) of \(count) is given twice (\(shards[twice - 1].path) and \(shards[twice].path))")
        }
        let missing = (1...count).filter { !indices.contains($0) }
        guard missing.isEmpty else { throw MergeError("\(stem): shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(count) missing") }

        // Every shard's frame is checked before a row is copied.
        let chunk = 64 << 20 / count
        let readers = shards.map { ShardReader(path: $0.path, chunk: chunk) }
        var header: ShardReader.Record?
        for (reader, found) in zip(readers, shards) {
            try checkFrame(reader, found, stem: stem, first: readers[0])
            guard let columns = try reader.next(), columns.bytes.first != UInt8(ascii: "#") else { throw MergeError("\(reader.path): no header row after the identity line") }
            if let header, header.bytes != columns.bytes {
                throw MergeError("\(reader.path): columns differ from \(readers[0].path)'s (\(columns.cells) and \(header.cells) columns)")
            }
            header = header ?? columns
        }
        guard let header, let identity = readers[0].identity, let points = Int(identity["points"] ?? ""), let replications = Int(identity["replications"] ?? "") else { return }
        try write(header.bytes, to: output)
        let rowsPerPoint = stem == "confidence" ? 1 : replications
        let meter = progress?(points * rowsPerPoint)
        for point in 0..<points {
            let reader = readers[point % count]
            for _ in 0..<rowsPerPoint {
                guard let record = try reader.next(), record.bytes.first != UInt8(ascii: "#") else {
                    throw MergeError("\(reader.path):\(reader.line): point \(point + 1) is missing (rows end early)")
                }
                guard record.bytes.last == UInt8(ascii: "\n") else { throw MergeError("\(reader.path):\(record.line): the last row is cut short") }
                guard record.firstCell == String(point + 1) else {
                    throw MergeError("\(reader.path):\(record.line): a row of point \(record.firstCell) where point \(point + 1) belongs (a row duplicated, missing or out of order)")
                }
                guard record.cells == header.cells else {
                    throw MergeError("\(reader.path):\(record.line): \(record.cells) columns where the header has \(header.cells)")
                }
                try write(record.bytes, to: output)
            }
            meter?.advance(by: rowsPerPoint)
        }
        for reader in readers { try checkEnd(reader) }
    }

    /// Checks a shard's identity (against its name and the first shard's) and that its
    /// end line is there and agrees, before any row is read.
    static func checkFrame(_ reader: ShardReader, _ found: Found, stem: String, first: ShardReader) throws(MergeError) {
        guard let identity = try reader.readIdentity() else {
            throw MergeError("\(reader.path): no #esmsim-shard identity line; shards come from `esmsim sweep --shard` of esmsim \(ESMSimVersion.current) or later (rerun this shard)")
        }
        guard identity.shard == found.shard, identity["file"] == stem else {
            throw MergeError("\(reader.path): its identity line says \(identity["file"] ?? "?") shard \(identity["shard"] ?? "?"), its name \(stem) shard \(found.shard.index)/\(found.shard.count) (renamed?)")
        }
        if reader !== first, let reference = first.identity, let difference = identity.sweepDifference(from: reference) {
            throw MergeError("\(reader.path): from a different sweep than \(first.path): \(difference)")
        }
        guard let points = Int(identity["points"] ?? ""), let replications = Int(identity["replications"] ?? ""), let rows = identity.rows else {
            throw MergeError("\(reader.path): damaged identity line")
        }
        let shardPoints = max(0, (points - found.shard.index + found.shard.count) / found.shard.count)
        let expected = shardPoints * (stem == "confidence" ? 1 : replications)
        guard rows == expected else {
            throw MergeError("\(reader.path): promises \(rows) rows, but shard \(found.shard.index) of \(found.shard.count) of a \(points)-point sweep has \(expected)")
        }
        guard let end = try reader.lastLine(), let ending = ShardIdentity.parseEnd(end) else {
            throw MergeError("\(reader.path): cut short: it does not end with its #esmsim-end line (truncated, or still being written?)")
        }
        guard ending.rows == rows else {
            throw MergeError("\(reader.path): its end line counts \(ending.rows) rows, its identity line \(rows)")
        }
    }

    /// Checks that a fully read shard ends right after its rows, with their checksum.
    static func checkEnd(_ reader: ShardReader) throws(MergeError) {
        let checksum = reader.checksum
        guard let record = try reader.next() else { throw MergeError("\(reader.path): cut short: no #esmsim-end line") }
        let text = String(decoding: record.bytes.dropLast(), as: UTF8.self)
        guard let ending = ShardIdentity.parseEnd(Substring(text)) else {
            throw MergeError("\(reader.path):\(record.line): more rows than its identity line promises (a row duplicated or added?)")
        }
        guard ending.checksum == checksum.hex else {
            throw MergeError("\(reader.path): its rows were changed after esmsim wrote them (checksum \(checksum.hex), its end line says \(ending.checksum))")
        }
        if try reader.next() != nil { throw MergeError("\(reader.path):\(reader.line): text after the #esmsim-end line") }
    }

    private static func write(_ bytes: ArraySlice<UInt8>, to output: StreamedFile) throws(MergeError) {
        let failure = bytes.withUnsafeBufferPointer { buffer -> AtomicFile.WriteError? in
            do throws(AtomicFile.WriteError) { try output.write(bytes: buffer) } catch { return error }
            return nil
        }
        if let failure { throw MergeError(failure.description) }
    }
}
