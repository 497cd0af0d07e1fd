/// One field of an event source mapping as AWS's API, CloudFormation, SAM and Terraform
/// name it, its type and range in the API, and what esmsim does with it.
struct MappingField: Sendable {
    /// The field's type, checked on every field present, used or not.
    enum Shape: Sendable {
        case integer(ClosedRange<Double>)
        case boolean, string, object, array, stringArray
        case choice([String])
        /// The AWS CLI prints timestamps as ISO 8601 text (v2) or epoch seconds (v1).
        case timestamp
    }

    /// What esmsim does with the field.
    enum Role: Sendable {
        /// The model uses it: it goes into the scenario's `eventSourceMapping`.
        case model
        /// The model does not use it, for this reason.
        case ignored(String)
    }

    /// The API's name (CloudFormation's and SAM's unless `only` says otherwise).
    let name: String
    let shape: Shape
    let role: Role
    /// The `terraform show -json` attribute, if Terraform has one.
    let terraform: String?
    /// The dialects that spell the field this way; nil for all of them.
    let only: Set<MappingDialect>?

    init(_ name: String, _ shape: Shape, _ role: Role, terraform: String? = nil, only: Set<MappingDialect>? = nil) {
        self.name = name
        self.shape = shape
        self.role = role
        self.terraform = terraform
        self.only = only
    }

    /// The field's name in `dialect`, if the dialect has it.
    func spelling(in dialect: MappingDialect) -> String? {
        if dialect == .terraform { return terraform }
        if let only, !only.contains(dialect) { return nil }
        return name
    }

    static let identity = "identity or status: no effect on scaling"
    static let consumerGroup = "consumer group and schema registry: not modelled"
    static let api: Set<MappingDialect> = [.api]
    static let templates: Set<MappingDialect> = [.cloudFormation, .sam]

    /// Every field of `EventSourceMappingConfiguration` (AWS Lambda API reference), of
    /// CloudFormation's `AWS::Lambda::EventSourceMapping`, of SAM's `MSK` and
    /// `SelfManagedKafka` events, and of Terraform's `aws_lambda_event_source_mapping`.
    static let all: [MappingField] = [
        MappingField("BatchSize", .integer(1...10_000), .model, terraform: "batch_size"),
        MappingField("MaximumBatchingWindowInSeconds", .integer(0...300), .model, terraform: "maximum_batching_window_in_seconds"),
        MappingField("StartingPosition", .choice(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]), .model, terraform: "starting_position"),
        MappingField("MaximumRetryAttempts", .integer(-1...10_000), .model, terraform: "maximum_retry_attempts"),
        MappingField("ProvisionedPollerConfig", .object, .model, terraform: "provisioned_poller_config"),
        MappingField("DestinationConfig", .object, .model, terraform: "destination_config"),
        MappingField("StartingPositionTimestamp", .timestamp, .ignored("read only with StartingPosition AT_TIMESTAMP"), terraform: "starting_position_timestamp"),
        MappingField("EventSourceArn", .string, .ignored("the event source: checked to be Kafka"), terraform: "event_source_arn", only: [.api, .cloudFormation]),
        MappingField("Stream", .string, .ignored("the MSK cluster: checked to be Kafka"), only: [.sam]),
        MappingField("SelfManagedEventSource", .object, .ignored("the self-managed Kafka cluster's brokers"), terraform: "self_managed_event_source", only: [.api, .cloudFormation]),
        MappingField("KafkaBootstrapServers", .stringArray, .ignored("the self-managed Kafka cluster's brokers"), only: [.sam]),
        MappingField("Topics", .stringArray, .ignored("topic names: give the partition count with --partitions"), terraform: "topics"),
        MappingField("FunctionArn", .string, .ignored("the function: its settings come from a function file or flags"), terraform: "function_arn", only: api),
        MappingField("FunctionName", .string, .ignored("the function: its settings come from the template, a function file or flags"), terraform: "function_name", only: [.cloudFormation]),
        MappingField("State", .choice(["Creating", "Enabling", "Enabled", "Disabling", "Disabled", "Updating", "Deleting"]), .ignored(identity), terraform: "state", only: api),
        MappingField("Enabled", .boolean, .ignored("a disabled mapping is simulated as if enabled"), terraform: "enabled", only: templates),
        MappingField("UUID", .string, .ignored(identity), terraform: "uuid", only: api),
        MappingField("EventSourceMappingArn", .string, .ignored(identity), terraform: "arn", only: api),
        MappingField("LastModified", .timestamp, .ignored(identity), terraform: "last_modified", only: api),
        MappingField("LastProcessingResult", .string, .ignored(identity), terraform: "last_processing_result", only: api),
        MappingField("StateTransitionReason", .string, .ignored(identity), terraform: "state_transition_reason", only: api),
        MappingField("FilterCriteriaError", .object, .ignored(identity), only: api),
        MappingField("KMSKeyArn", .string, .ignored("encryption of filter criteria: no effect on scaling"), only: api),
        MappingField("KmsKeyArn", .string, .ignored("encryption of filter criteria: no effect on scaling"), terraform: "kms_key_arn", only: templates),
        MappingField("Tags", .array, .ignored("tags: no effect on scaling"), terraform: "tags", only: [.cloudFormation]),
        MappingField("AmazonManagedKafkaEventSourceConfig", .object, .ignored(consumerGroup), terraform: "amazon_managed_kafka_event_source_config", only: [.api, .cloudFormation]),
        MappingField("SelfManagedKafkaEventSourceConfig", .object, .ignored(consumerGroup), terraform: "self_managed_kafka_event_source_config", only: [.api, .cloudFormation]),
        MappingField("ConsumerGroupId", .string, .ignored(consumerGroup), only: [.sam]),
        MappingField("SchemaRegistryConfig", .object, .ignored(consumerGroup), only: [.sam]),
        MappingField("BisectBatchOnFunctionError", .boolean, .model, terraform: "bisect_batch_on_function_error"),
        MappingField("FilterCriteria", .object, .ignored("no AWS file says which share of records a filter matches: imported without filters; add FilterCriteria with each filter's matchShare"), terraform: "filter_criteria"),
        MappingField("FunctionResponseTypes", .stringArray, .model, terraform: "function_response_types"),
        MappingField("MaximumRecordAgeInSeconds", .integer(-1...604_800), .model, terraform: "maximum_record_age_in_seconds"),
        MappingField("LoggingConfig", .object, .ignored("logging: no effect on scaling"), terraform: "logging_config"),
        MappingField("MetricsConfig", .object, .ignored("metrics: no effect on scaling"), terraform: "metrics_config"),
        MappingField("SourceAccessConfigurations", .array, .ignored("authentication and networking: no effect on scaling"), terraform: "source_access_configuration"),
        MappingField("ParallelizationFactor", .integer(1...10), .ignored("Kinesis and DynamoDB only"), terraform: "parallelization_factor", only: [.api, .cloudFormation]),
        MappingField("TumblingWindowInSeconds", .integer(0...900), .ignored("Kinesis and DynamoDB only"), terraform: "tumbling_window_in_seconds", only: [.api, .cloudFormation]),
        MappingField("Queues", .stringArray, .ignored("Amazon MQ only"), terraform: "queues", only: [.api, .cloudFormation]),
        MappingField("ScalingConfig", .object, .ignored("Amazon SQS only"), terraform: "scaling_config", only: [.api, .cloudFormation]),
        MappingField("DocumentDBEventSourceConfig", .object, .ignored("Amazon DocumentDB only"), terraform: "document_db_event_source_config", only: [.api, .cloudFormation]),
    ]

    /// Terraform attributes with no API counterpart.
    static let terraformOnly: Set<String> = ["id", "region", "tags_all", "timeouts"]

    /// The field `key` names in `dialect`.
    static func named(_ key: String, in dialect: MappingDialect) -> MappingField? {
        all.first { $0.spelling(in: dialect) == key }
    }

    /// Every name `dialect` knows, for spelling suggestions.
    static func names(in dialect: MappingDialect) -> [String] { all.compactMap { $0.spelling(in: dialect) } }
}
