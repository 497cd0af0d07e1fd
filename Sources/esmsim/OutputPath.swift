import ESMFormats

/// Output paths given on the command line, refused up front (exit 2) when they cannot be
/// what the user meant: empty (which would put files at the file system's root), a file
/// where a folder is wanted, or a device, folder or link where a file is wanted.
enum OutputPath {
    /// `value` as an output folder for `--option`; nil when not given.
    static func folder(_ value: String?, option: String = "out") throws(UsageError) -> String? {
        guard let value else { return nil }
        if let obstacle = OutputTarget.obstacle(toFolder: value) { throw UsageError("--\(option): \(obstacle)") }
        return value
    }

    /// `value` as an output file for `--option`; nil when not given.
    static func file(_ value: String?, option: String) throws(UsageError) -> String? {
        guard let value else { return nil }
        if let obstacle = OutputTarget.obstacle(toWriting: value) { throw UsageError("--\(option): \(obstacle)") }
        return value
    }
}
