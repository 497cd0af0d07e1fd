import ESMFormats
import ESMScenarios

/// What a template knows beyond one resource: its parameters' defaults and its
/// resources' types, so `!Ref Parameter` can take the parameter's default and
/// `!GetAtt Cluster.Arn` can tell an MSK cluster from an SQS queue.
struct TemplateContext: Sendable {
    /// `Parameters.NAME.Default`, by name.
    var parameterDefaults: [String: JSONValue] = [:]
    /// `Resources.ID.Type`, by logical ID.
    var resourceTypes: [String: String] = [:]

    /// `value` with a `Ref` to a parameter replaced by the parameter's default; nil for
    /// `!Ref AWS::NoValue`, which removes a property.
    func resolve(_ value: JSONValue) -> JSONValue? {
        guard case .string(let name)? = value["Ref"]?.kind, value.members?.count == 1 else { return value }
        if name == "AWS::NoValue" { return nil }
        return parameterDefaults[name] ?? value
    }
}
