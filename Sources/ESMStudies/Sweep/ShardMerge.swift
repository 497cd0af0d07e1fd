import ESMFormats
import Foundation

/// Joins the files that the shards of a sweep wrote into the files one unsharded run
/// writes, byte for byte: rows ordered by their `point` column, each point's rows in the
/// order its shard wrote them.
public enum ShardMerge {
    /// Why shard files cannot be merged.
    public struct MergeError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Finds the shard files among `inputs` (files, or folders searched for
    /// `STEM.shard-I-of-N.csv`) and merges each stem's shards; stems in name order.
    public static func merge(_ inputs: [String]) throws(MergeError) -> [(name: String, text: String)] {
        var found: [(path: String, stem: String, shard: Shard)] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else { throw MergeError("\(input) does not exist") }
            if isFolder.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).sorted()
                found += names.compactMap { name in Shard.parseFileName(name).map { (input + "/" + name, $0.stem, $0.shard) } }
            } else {
                let name = URL(fileURLWithPath: input).lastPathComponent
                guard let parsed = Shard.parseFileName(name) else { throw MergeError("\(input) is not a shard file (STEM.shard-I-of-N.csv)") }
                found.append((input, parsed.stem, parsed.shard))
            }
        }
        guard !found.isEmpty else { throw MergeError("no shard files (STEM.shard-I-of-N.csv) in \(inputs.joined(separator: ", "))") }
        let stems = Array(Set(found.map(\.stem))).sorted()
        var merged: [(name: String, text: String)] = []
        for stem in stems {
            let shards = found.filter { $0.stem == stem }.sorted { $0.shard.index < $1.shard.index }
            merged.append(("\(stem).csv", try join(shards.map { ($0.path, $0.shard) }, stem: stem)))
        }
        return merged
    }

    /// One stem's shards joined.
    static func join(_ shards: [(path: String, shard: Shard)], stem: String) throws(MergeError) -> String {
        let count = shards[0].shard.count
        guard shards.allSatisfy({ $0.shard.count == count }) else { throw MergeError("\(stem): shards of different splits (\(Set(shards.map(\.shard.count)).sorted().map(String.init).joined(separator: ", ")))") }
        let indices = shards.map(\.shard.index)
        let missing = (1...count).filter { !indices.contains($0) }
        guard missing.isEmpty else { throw MergeError("\(stem): shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(count) missing") }
        guard Set(indices).count == indices.count else { throw MergeError("\(stem): a shard is given twice") }
        var header: [String]?
        var rows: [(point: Int, order: Int, cells: [String])] = []
        for (path, _) in shards {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw MergeError("cannot read \(path)") }
            let lines = CSVReader.rows(text)
            guard let first = lines.first, first.cells.first == "point" else { throw MergeError("\(path): not a sweep output (no point column)") }
            if let header, header != first.cells { throw MergeError("\(path): columns differ from the other shards' (a different sweep?)") }
            header = first.cells
            for line in lines.dropFirst() {
                guard let point = Int(line.cells[0]), point >= 1 else { throw MergeError("\(path):\(line.line): point \"\(line.cells[0])\" is not a point number") }
                rows.append((point, rows.count, line.cells))
            }
        }
        rows.sort { ($0.point, $0.order) < ($1.point, $1.order) }
        let points = Array(Set(rows.map(\.point))).sorted()
        if let last = points.last, points.count != last {
            throw MergeError("\(stem): points 1...\(last) are not all there (\(last - points.count) missing); were the shards from the same sweep?")
        }
        return ([header ?? []] + rows.map(\.cells)).map(CSVFormat.line).joined(separator: "\n") + "\n"
    }
}
