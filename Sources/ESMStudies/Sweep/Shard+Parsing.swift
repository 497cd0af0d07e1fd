import ESMScenarios
import ESMFormats
import Foundation

extension Shard {
    /// Why a `--shard` value names no shard.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// What is wrong and what to give instead.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The array-job index variables `auto/N` reads, in the order they are tried: each
    /// scheduler's 0-based index of this task within its array.
    static let arrayIndexVariables: [(name: String, scheduler: String)] = [
        ("SLURM_ARRAY_TASK_ID", "Slurm job array"),
        ("JOB_COMPLETION_INDEX", "Kubernetes Indexed Job"),
        ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS Batch array job"),
    ]

    /// Parses `I/N`, or `auto/N`, which takes I from the array job's environment
    /// (`arrayIndexVariables`; Slurm's index counts from `SLURM_ARRAY_TASK_MIN`).
    public static func parse(_ text: String, environment: [String: String]) throws(ParseError) -> Shard {
        let form = "--shard takes I/N (1 <= I <= N <= \(FieldReader.format(Double(maximumCount)))) or auto/N"
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]) else { throw ParseError("\(form), not \"\(text)\"") }
        guard (1...maximumCount).contains(count) else {
            throw ParseError("--shard \(text): a sweep splits into 1 to \(FieldReader.format(Double(maximumCount))) shards, not \(parts[1])")
        }
        if parts[0] == "auto" { return try fromEnvironment(count: count, environment) }
        guard let index = Int(parts[0]), let shard = Shard(index: index, count: count) else {
            throw ParseError("--shard \(text): the shard number must be 1 to \(count)")
        }
        return shard
    }

    /// Shard `index + 1` of `count`, the index read from the first array variable set.
    static func fromEnvironment(count: Int, _ environment: [String: String]) throws(ParseError) -> Shard {
        guard let variable = arrayIndexVariables.first(where: { environment[$0.name] != nil }) else {
            let names = arrayIndexVariables.map { "\($0.name) (\($0.scheduler))" }.joined(separator: ", ")
            throw ParseError("--shard auto/\(count) reads the task's index from an array job, but none of \(names) is set; outside an array job give --shard I/\(count)")
        }
        func integer(_ name: String) throws(ParseError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else { throw ParseError("--shard auto/\(count): \(name)=\"\(text)\" is not an integer") }
            return number
        }
        var index = try integer(variable.name) ?? 0
        var span = "0...\(count - 1)"
        if variable.name == "SLURM_ARRAY_TASK_ID" {
            // Slurm numbers tasks as submitted (--array=1-16 or 0-15); count from the first.
            let minimum = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            if let step = try integer("SLURM_ARRAY_TASK_STEP"), step != 1 {
                throw ParseError("--shard auto/\(count): the Slurm array steps by \(step), so its tasks miss shards; submit --array=0-\(count - 1)")
            }
            if let maximum = try integer("SLURM_ARRAY_TASK_MAX"), maximum - minimum + 1 != count {
                throw ParseError("--shard auto/\(count): the Slurm array runs tasks \(minimum)...\(maximum) (\(maximum - minimum + 1) tasks), not \(count); submit --array=0-\(count - 1)")
            }
            index -= minimum
            span = "\(minimum)...\(minimum + count - 1)"
        }
        guard let shard = Shard(index: index + 1, count: count) else {
            throw ParseError("--shard auto/\(count): \(variable.name)=\(environment[variable.name] ?? "") is outside \(span), the \(count) tasks of the \(variable.scheduler)")
        }
        return shard
    }
}
