import ESMStudies
import ESMScenarios
import Foundation

/// `esmsim sweep`: runs every point of a sweep file on all cores.
enum SweepCommand {
    static let usage = """
    USAGE: esmsim sweep FILE [--out DIR] [--shard I/N] [--replications K] [--seed N] [--profile NAME|FILE]
                        [--prices FILE] [--region CODE] [--free-tier]

    Runs the cartesian product of a sweep file's axes over its base scenario and writes
    DIR/sweep.csv: a point column, the axis values, then the summary columns, one row per
    run, in point order whatever the thread scheduling. A sweep file:
      {"scenario": "../provisioned-blog-min10.json",
       "axes": {"MinimumPollers": [1, 10, 50], "BatchSize": [100, 500]}}
    Axes are scenario fields by short name (BatchSize, MaximumBatchingWindowInSeconds,
    MinimumPollers, MaximumPollers, partitions, memoryMB, durationMs, recordsPerSecond, ...)
    or dotted path (producer.schedule[1].recordsPerSecond); the last axis varies fastest.

    OPTIONS:
      --out DIR          output folder (default: Results/<sweep file name>)
      --shard I/N        run only shard I of N (points whose number, from 0, is I-1 modulo N)
                         and write sweep.shard-I-of-N.csv; `esmsim merge` joins the shards
      --replications K   K runs per point with seeds S, S+1, ... S+K-1 (S: the point's seed, or
                         --seed); also writes confidence.csv with the mean and 95 % confidence
                         interval of drain time and peak offset lag (default: 1)
    \(RunChoices.usage)
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard var arguments = try Arguments.forCommand(words, flags: ["free-tier"], usage: usage) else { return .success }
        let outValue = arguments.value("out")
        let shardText = arguments.value("shard")
        let replications = Int(try arguments.integer("replications", in: 1...10_000) ?? 1)
        let choices = try RunChoices(&arguments)
        try arguments.rejectUnknown(command: "sweep")
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw UsageError("esmsim sweep needs exactly one sweep file\n\n\(usage)")
        }
        var shard = Shard.whole
        if let shardText {
            guard let parsed = Shard(shardText) else { throw UsageError("--shard must be I/N with 1 <= I <= N, not \"\(shardText)\"") }
            shard = parsed
        }
        let options = choices.options
        let job: SweepJob
        do {
            job = try SweepJob.prepare(try Sweep.load(path: file), shard: shard, replications: replications, options: options)
        } catch {
            Console.error(error.description)
            return .usage
        }
        let progress = ProgressMeter(total: job.runCount, label: "sweep") { Console.error($0) }
        let files = job.run(options: options, pricing: choices.pricing, progress: progress)
        let scope = shard == .whole ? "" : " (shard \(shard.index) of \(shard.count))"
        Console.out("sweep \(file): \(job.points.count) of \(job.sweep.pointCount) points\(scope) x \(replications) replication\(replications == 1 ? "" : "s") = \(job.runCount) runs")
        return OutputFolder.write(files, into: outValue ?? OutputFolder.defaultFolder(for: file))
    }
}
