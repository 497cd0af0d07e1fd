import ESMFormats
import ESMStudies
import ESMScenarios
import Foundation

/// `esmsim sweep`: runs every point of a sweep file on all cores.
enum SweepCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "sweep", operands: "FILE",
        summary: "run a sweep file's cartesian product of settings on all cores",
        about: """
        Runs the cartesian product of a sweep file's axes over its base scenario and writes
        DIR/sweep.csv: a point column, the axis values, then the summary columns, one row per
        run, in point order whatever the thread scheduling. A sweep file:
          {"scenario": "../provisioned-blog-min10.json",
           "axes": {"MinimumPollers": [1, 10, 50], "BatchSize": [100, 500]}}
        Axes are scenario fields by short name (BatchSize, MaximumBatchingWindowInSeconds,
        MinimumPollers, MaximumPollers, partitions, memoryMB, durationMs, recordsPerSecond, ...)
        or dotted path (producer.schedule[1].recordsPerSecond), each field once; the last axis varies
        fastest. Every point is validated and its work estimated before any run: a sweep (or shard)
        beyond about two core-hours is refused with its size and what drives it. Rows are streamed
        to the output in point order, so memory does not grow with the points (at most 1,000,000).

        With --ensemble, every point runs under every member of the profile set: sweep.csv
        gains a member column after the axes (one row per point and member) and
        sweep-ensemble.csv holds, per point, every summary metric's range across the members
        (metric,min,min_member,median,max,max_member,spread,agree). Not with --shard or
        --replications.
        """,
        options: [
            OptionDefinition("out", .text("DIR"), "output folder", default: "Results/<sweep file name>"),
            OptionDefinition("shard", .text("I/N"), """
            run only shard I of N (points whose number, from 0, is I-1 modulo N;
            N at most 10,000 and the number of points) and write
            sweep.shard-I-of-N.csv, framed by lines that identify the sweep;
            `esmsim merge` checks and joins the shards. --shard auto/N takes I from the
            array job running it: SLURM_ARRAY_TASK_ID (counted from SLURM_ARRAY_TASK_MIN),
            JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX
            (AWS Batch), the first set
            """),
            SharedOptions.replications,
            SharedOptions.ensemble,
        ] + RunChoices.options)

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        let outValue = try OutputPath.folder(arguments.value("out"))
        let shardText = arguments.value("shard")
        let replications = Int(try arguments.integer("replications") ?? 1)
        let choices = try RunChoices(arguments)
        let ensemble = try arguments.ensemble()
        if let ensemble, replications > 1 { throw ensemble.replicationsRefusal(command: "sweep") }
        if ensemble != nil && shardText != nil {
            throw UsageError("--ensemble runs the whole sweep with one seed per member; give it without --shard and --replications")
        }
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw UsageError("esmsim sweep needs exactly one sweep file (see esmsim help sweep)")
        }
        var shard = Shard.whole
        if let shardText {
            do {
                shard = try Shard.parse(shardText, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw UsageError(error.description)
            }
        }
        let options = choices.options
        let job: SweepJob
        do {
            let sweep = try Sweep.load(path: file)
            let checking = { (points: Int) in ProgressMeter(total: points, label: "sweep: checking", unit: "points") { Console.error($0) } }
            if let ensemble {
                job = try SweepJob.prepareEnsemble(sweep, members: ensemble.members.count, options: options, progress: checking)
            } else {
                job = try SweepJob.prepare(sweep, shard: shard, replications: replications, options: options, progress: checking)
            }
        } catch {
            Console.error(error.description)
            return .usage
        }
        let scope = shard == .whole ? "" : " (shard \(shard.index) of \(shard.count))"
        if let ensemble {
            return writeEnsemble(job, set: ensemble, file: file, folder: outValue ?? OutputFolder.defaultFolder(for: file), choices: choices)
        }
        Console.out("sweep \(file): \(job.pointCount) of \(job.sweep.pointCount) points\(scope) x \(Plural.count(replications, "replication")) = \(Plural.count(job.runCount, "run"))")
        let progress = ProgressMeter(total: job.runCount, label: "sweep") { Console.error($0) }
        let folder = outValue ?? OutputFolder.defaultFolder(for: file)
        do {
            let written = try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                try job.write(into: folder, options: options, pricing: choices.pricing, progress: progress)
            }
            for path in written {
                Console.out("wrote \(path)")
            }
        } catch {
            Console.error("esmsim: \(error.description)")
            return .failure
        }
        return .success
    }

    /// `sweep --ensemble`: every point under every member of `set`.
    static func writeEnsemble(_ job: SweepJob, set: ProfileSet, file: String, folder: String, choices: RunChoices) -> ExitCode {
        let runs = job.pointCount * set.members.count
        Console.out("sweep \(file): \(Plural.count(job.pointCount, "point")) x \(Plural.count(set.members.count, "member")) of profile set \(set.name) = \(Plural.count(runs, "run"))")
        let progress = ProgressMeter(total: runs, label: "sweep") { Console.error($0) }
        do {
            let written = try OutputFolder.claiming(folder) { () throws(AtomicFile.WriteError) in
                try job.writeEnsemble(into: folder, set: set, options: choices.options, pricing: choices.pricing, progress: progress)
            }
            for path in written { Console.out("wrote \(path)") }
        } catch {
            Console.error("esmsim: \(error.description)")
            return .failure
        }
        return .success
    }
}
