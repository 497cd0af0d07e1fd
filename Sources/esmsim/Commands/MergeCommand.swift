import ESMFormats
import ESMStudies
import ESMScenarios

/// `esmsim merge`: joins the outputs of a sweep's shards.
enum MergeCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "merge", operands: "INPUT...",
        summary: "join a sharded sweep's outputs",
        about: """
        Joins the files shards of a sweep wrote (sweep.shard-I-of-N.csv, confidence.shard-I-of-N.csv)
        into sweep.csv (and confidence.csv), byte for byte what an unsharded run writes. Each
        INPUT is a shard file or a folder holding them. Each shard file starts with a line that
        identifies its sweep (esmsim version, seed, base scenario, axes, profile, prices, run
        options, shard I/N and row count) and ends with its row count and checksum. Fails
        (exit 2), writing nothing, when a shard is missing, given twice, from a different split
        or a different sweep, cut short, or has rows missing, repeated, added or changed; the
        message names the shard and the difference.
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder", default: "the first INPUT if it is a folder, else its folder"),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let out = try OutputPath.folder(arguments.value("out"))
        guard let first = arguments.positional.first else { throw UsageError("esmsim merge needs shard files or folders (see esmsim help merge)") }
        let folder = out ?? (first.hasSuffix(".csv") ? (first.contains("/") ? String(first[..<first.lastIndex(of: "/")!]) : ".") : first)
        let claim: FolderClaim
        do {
            claim = try FolderClaim(folder) { Console.error($0) }
        } catch {
            Console.error("esmsim merge: \(error.description)")
            return .failure
        }
        defer { claim.release() }
        do {
            let written = try ShardMerge.merge(arguments.positional, into: folder) { rows in
                ProgressMeter(total: rows, label: "merge", unit: "rows") { Console.error($0) }
            }
            for path in written { Console.out("wrote \(path)") }
        } catch {
            Console.error("esmsim merge: \(error.description)")
            return .usage
        }
        return .success
    }
}
