import Foundation

/// Where commands print: results to stdout, diagnostics and progress to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Process exit codes.
enum ExitCode: Int32 {
    /// Everything worked.
    case success = 0
    /// A run failed (an output could not be written) or a check found a regression.
    case failure = 1
    /// Bad input or usage.
    case usage = 2
}
