/// A Lambda function's settings that the model uses, read from a function file, a
/// template's function resource or Terraform's `aws_lambda_function`.
public struct ImportedFunction: Sendable, Equatable {
    /// The function's name or ARN as its file gives it; nil when the file does not say
    /// (`aws lambda get-function-concurrency` output).
    public var name: String?
    /// Where the settings were read, for the report.
    public var source: String
    /// `MemorySize`, MB.
    public var memoryMB: Int?
    /// `Timeout`, seconds.
    public var timeoutSeconds: Double?
    /// `Architectures`' single entry.
    public var architecture: String?
    /// Reserved concurrency; nil when none is reserved.
    public var reservedConcurrency: Int?
    /// Values written as intrinsic functions, kept by name.
    public var unresolved: [String] = []

    /// The bare function name of a name, partial ARN or ARN (`arn:aws:lambda:r:a:function:NAME:alias`).
    static func bareName(_ reference: String) -> String {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let index = parts.firstIndex(of: "function"), index + 1 < parts.count { return parts[index + 1] }
        return parts.first ?? reference
    }

    /// These settings, with `other`'s filling what these lack.
    func filling(from other: ImportedFunction) -> ImportedFunction {
        var merged = self
        merged.memoryMB = memoryMB ?? other.memoryMB
        merged.timeoutSeconds = timeoutSeconds ?? other.timeoutSeconds
        merged.architecture = architecture ?? other.architecture
        merged.reservedConcurrency = reservedConcurrency ?? other.reservedConcurrency
        merged.unresolved = unresolved + other.unresolved
        return merged
    }
}
