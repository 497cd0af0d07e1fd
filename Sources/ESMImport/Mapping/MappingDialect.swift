/// Where an event source mapping's properties come from; each spells a few names its own way.
enum MappingDialect: Sendable, Equatable {
    /// `aws lambda get-event-source-mapping` / `list-event-source-mappings` JSON.
    case api
    /// A CloudFormation `AWS::Lambda::EventSourceMapping`'s `Properties`.
    case cloudFormation
    /// A SAM function's event of `Type: MSK` or `Type: SelfManagedKafka`.
    case sam
    /// A `terraform show -json` resource's `values` (snake_case, blocks as one-element arrays).
    case terraform

    /// Whether intrinsic functions may stand for values, and numbers may be written as text.
    var isTemplate: Bool { self == .cloudFormation || self == .sam }
}
