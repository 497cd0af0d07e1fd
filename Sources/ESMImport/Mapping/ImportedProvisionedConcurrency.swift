import ESMFormats
import ESMScenarios

/// One provisioned concurrency configuration read from a user's file: how many
/// environments are kept initialized, and on which function version or alias.
struct ImportedProvisionedConcurrency: Sendable {
    /// The function and qualifier it is configured on; nil when the file does not say
    /// (`aws lambda get-provisioned-concurrency-config` prints neither).
    var target: FunctionTarget?
    /// `ProvisionedConcurrentExecutions` (the CLI's `RequestedProvisionedConcurrentExecutions`);
    /// nil when a template writes it as an intrinsic function esmsim does not evaluate.
    var executions: Int?
    /// Where it was read, for the report (`AWS::Lambda::Alias LiveAlias in template.yaml`).
    var source: String
    /// Its value in the input, for positioned problems.
    var value: JSONValue
    var file: String
    var path: String
    /// Anything else the user should know (a configuration not yet READY).
    var notes: [String] = []
}
