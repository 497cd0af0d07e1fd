import ESMFormats
import ESMScenarios

/// One event source mapping read from a user's file, in AWS's terms, before it becomes a
/// scenario: the settings the model uses, and an account of everything else.
public struct ImportedMapping: Sendable {
    /// A field present in the input that the model does not use, and why.
    public struct IgnoredField: Sendable, Equatable {
        public var field: String
        public var reason: String
    }

    /// The file it was read from.
    public var file: String
    /// What the file is (`aws lambda get-event-source-mapping`, `SAM template`...).
    public var format: String
    /// What identifies it in its file: a UUID, a logical ID or a Terraform address.
    public var identifier: String
    /// The scenario's name (and its file's).
    public var name: String
    /// Where it starts in its file.
    public var line: Int
    public var column: Int
    /// The scenario's `eventSourceMapping` members, AWS's names, positions from the input.
    public var settings: [JSONValue.Member] = []
    /// The settings read, as `Field value`, for the report.
    public var read: [String] = []
    /// Fields present that the model does not use.
    public var ignored: [IgnoredField] = []
    /// Values written as intrinsic functions, kept by name (`BatchSize: !Ref Size`).
    public var unresolved: [String] = []
    /// Anything else the user should know.
    public var notes: [String] = []
    /// The function's settings, when the same file declares it (templates, Terraform).
    public var function: ImportedFunction?
    /// The function's name or ARN, to match a function file; nil when unknown.
    public var functionReference: String?
    /// The function and qualifier `FunctionName` invokes, when known: which provisioned
    /// concurrency configuration applies (`Importer+ProvisionedConcurrency`).
    var target: FunctionTarget?
    /// The provisioned concurrency of the qualifier it invokes, once paired.
    var provisionedConcurrency: ImportedProvisionedConcurrency?
    /// Why this is not a Kafka mapping (SQS, Kinesis...), when it is not.
    public var notKafka: String?

    init(file: String, format: String, identifier: String, name: String, at value: JSONValue) {
        self.file = file
        self.format = format
        self.identifier = identifier
        self.name = name
        self.line = value.line
        self.column = value.column
    }

    /// Adds a setting to the scenario's `eventSourceMapping` and to the report.
    mutating func set(_ key: String, _ value: JSONValue, reported: String) {
        settings.append(JSONValue.Member(key: key, value: value))
        read.append(reported)
    }

    /// AWS documents these retry controls (and Kafka-topic destinations) for Kafka ESMs in
    /// provisioned mode only; scenario files refuse them elsewhere.
    static let provisionedOnly = ["MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "FunctionResponseTypes"]

    /// Whether the mapping runs in provisioned mode (its pollers were given).
    var isProvisioned: Bool { settings.contains { $0.key == "ProvisionedPollerConfig" } }

    /// Moves provisioned-only settings of an on-demand mapping to the ignored list, with
    /// the reason, so the scenario says what the service would do.
    mutating func dropProvisionedOnlySettings() {
        guard !isProvisioned else { return }
        let dropped = settings.filter { Self.provisionedOnly.contains($0.key) }
        settings.removeAll { Self.provisionedOnly.contains($0.key) }
        for member in dropped {
            read.removeAll { $0.hasPrefix(member.key + " ") }
            ignored.append(.init(field: member.key, reason: "applies in provisioned mode only; on-demand retries a failed batch until it succeeds"))
        }
    }
}
