import ESMFormats
import ESMModel
import EventEngine
import Foundation

/// Reads scenario files: parses, validates every field against the real service's
/// names and ranges, and reports every problem in a file at once.
public enum ScenarioLoader {
    static let topLevelKeys = ["name", "description", "profile", "seed", "startTime", "horizonSeconds", "topic", "producer", "function", "eventSourceMapping", "esmsInPollerGroup"]
    static let topicKeys = ["partitions", "recordSizeBytes", "backlogRecords", "hotPartitionShare", "partitionWeights", "keyDistribution", "backlogSpanSeconds"]
    static let producerKeys = ["recordsPerSecond", "startSeconds", "durationSeconds", "schedule", "arrivals"]
    static let pieceKeys = ["startSeconds", "durationSeconds", "recordsPerSecond"]
    static let functionKeys = ["durationMs", "durationByMemory", "memoryMB", "architecture", "errorProbability", "recordFailureShare", "reservedConcurrency", "accountConcurrency", "initDurationMs", "ProvisionedConcurrentExecutions"]
    static let mappingKeys = ["BatchSize", "MaximumBatchingWindowInSeconds", "StartingPosition", "ProvisionedPollerConfig", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "DestinationConfig", "FilterCriteria", "StartingPositionTimestamp", "FunctionResponseTypes"]
    static let pollerKeys = ["MinimumPollers", "MaximumPollers", "PollerGroupName"]

    /// Seeds a scenario file may give: every whole number up to 2^53, the largest a JSON
    /// number carries exactly (README: `seed`, 0 ... 2^53).
    public static let seedRange: ClosedRange<Double> = 0...9_007_199_254_740_992
    /// The longest horizon accepted: one year of simulated time.
    public static let maximumHorizonSeconds = 366.0 * 86_400
    /// The most partitions accepted; memory grows with partitions.
    public static let maximumPartitions = 1_000_000.0
    /// The most ESMs one poller group holds.
    public static let maximumMappingsPerGroup = 100
    /// The most `MaximumPollers` a poller group's ESMs may add up to.
    public static let maximumGroupPollers = 2_000
    /// A 14-minute function timeout, in milliseconds.
    static let maximumDurationMs = FieldRanges.durationMs.upperBound

    /// Loads the scenario file at `path`.
    public static func load(path: String) throws(DiagnosticError) -> Scenario {
        let text = try TextFile.read(path: path)
        let defaultName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultName: defaultName)
    }

    /// Parses and validates scenario text; `file` names it in messages.
    public static func parse(_ text: String, file: String, defaultName: String) throws(DiagnosticError) -> Scenario {
        try JSONDocument.decode(text, file: file) { root, reader in decode(root, reader: reader, defaultName: defaultName) }
    }

    static func decode(_ root: JSONValue, reader: FieldReader, defaultName: String) -> Scenario? {
        guard let root = reader.object(root, "", allowed: topLevelKeys + [mappingListKey]) else { return nil }
        let name = reader.string(root, "", "name") ?? defaultName
        let description = reader.string(root, "", "description") ?? ""
        let profileName = reader.string(root, "", "profile")
        let seed = reader.number(root, "", "seed", range: ScenarioLoader.seedRange, whole: true).map { UInt64($0) } ?? 1
        let horizonSeconds = reader.number(root, "", "horizonSeconds", range: 1...maximumHorizonSeconds) ?? Ticks.toSeconds(ModelConfiguration.defaultHorizon)
        let startTime = decodeStartTime(root, reader: reader)

        var function: FunctionSpec?
        if let value = root["function"] {
            function = decodeFunction(value, reader: reader)
        } else {
            reader.report(root, "function", "missing; a scenario needs a function with its durationMs")
        }
        var list: [ScenarioMapping] = []
        let single: ScenarioMapping?
        var mappings = 1
        if let value = root[mappingListKey] {
            list = decodeMappingList(value, root: root, reader: reader) ?? []
            single = list.first
        } else {
            single = decodeWorkload(root, name: name, reader: reader)
            if let single {
                mappings = decodeGroupSize(root, settings: single.settings, groupName: single.pollerGroupName, reader: reader)
            }
        }
        guard let single, let function else { return nil }
        var scenario = Scenario(
            name: name, description: description, profileName: profileName, seed: seed,
            horizon: Ticks.seconds(horizonSeconds), topic: single.topic, production: single.production,
            function: function, settings: single.settings, pollerGroupName: single.pollerGroupName, mappingsInPollerGroup: mappings)
        scenario.startTime = startTime
        scenario.mappings = list
        return scenario
    }

    /// One ESM's workload and settings from the object holding its `topic`, `producer` and
    /// `eventSourceMapping`: the scenario itself, or an element of `eventSourceMappings`
    /// (read with a reader whose paths are then put under the element's).
    static func decodeWorkload(_ root: JSONValue, name: String, reader: FieldReader) -> ScenarioMapping? {
        var topic: TopicSpec?
        if let value = root["topic"] {
            topic = decodeTopic(value, reader: reader)
        } else {
            reader.report(root, "topic", "missing; a scenario needs a topic with its partitions")
        }
        let production = root["producer"].map { decodeProducer($0, reader: reader) } ?? ProductionSchedule.none
        var settings = ESMSettings()
        var groupName: String?
        if let value = root["eventSourceMapping"] {
            (settings, groupName) = decodeMapping(value, reader: reader)
        }
        if settings.startingPosition == .atTimestamp, let topic, topic.backlogSpanSeconds == 0, topic.backlogRecords > 0,
           let timestamp = settings.startingPositionTimestamp, timestamp < 0 {
            reader.report(root["eventSourceMapping"]?["StartingPositionTimestamp"], "eventSourceMapping.StartingPositionTimestamp",
                          "\(FieldReader.format(timestamp)) reaches into the backlog, which has no dates: give topic.backlogSpanSeconds, the seconds before time 0 over which the backlog was written")
        }
        if let topic, topic.backlogRecords == 0, production.pieces.isEmpty {
            reader.report(root, "", "the scenario has no records: give topic.backlogRecords or a producer")
        }
        guard let topic else { return nil }
        return ScenarioMapping(name: name, topic: topic, production: production, settings: settings, pollerGroupName: groupName)
    }

    /// `startTime`: the wall-clock instant simulated time 0 stands for, ISO 8601 with a
    /// zone (`2026-11-02T00:00:00Z`), as Unix milliseconds.
    static func decodeStartTime(_ root: JSONValue, reader: FieldReader) -> Int64? {
        guard let text = reader.string(root, "", "startTime") else { return nil }
        guard let time = ClockTime.parse(text) else {
            reader.report(root["startTime"], "startTime", "\"\(text)\" is not an ISO 8601 time such as 2026-11-02T00:00:00Z")
            return nil
        }
        return time
    }

    /// `esmsInPollerGroup`: how many identical ESMs share the scenario's poller group,
    /// within the API's limits of 100 ESMs and 2,000 `MaximumPollers` per group.
    static func decodeGroupSize(_ root: JSONValue, settings: ESMSettings, groupName: String?, reader: FieldReader) -> Int {
        guard let value = root["esmsInPollerGroup"],
              let count = reader.integer(root, "", "esmsInPollerGroup", range: 1...Double(maximumMappingsPerGroup)) else { return 1 }
        guard count > 1 else { return 1 }
        guard groupName != nil, let bounds = settings.provisionedPollers else {
            reader.report(value, "esmsInPollerGroup", "needs eventSourceMapping.ProvisionedPollerConfig.PollerGroupName: only ESMs in a poller group share EPUs")
            return 1
        }
        let groupPollers = Int(count) * bounds.maximum
        if groupPollers > maximumGroupPollers {
            reader.report(value, "esmsInPollerGroup", "\(count) ESMs with MaximumPollers \(bounds.maximum) add up to \(FieldReader.format(Double(groupPollers))) pollers; a poller group allows at most \(FieldReader.format(Double(maximumGroupPollers)))")
        }
        return Int(count)
    }

    static func decodeTopic(_ value: JSONValue, reader: FieldReader) -> TopicSpec? {
        let path = "topic"
        guard let topic = reader.object(value, path, allowed: topicKeys) else { return nil }
        guard topic["partitions"] != nil else {
            reader.report(topic, "topic.partitions", "missing; give the number of partitions (at least 1)")
            return nil
        }
        let partitions = reader.integer(topic, path, "partitions", range: FieldRanges.partitions)
        var size = Distribution.constant(1_024)
        if let sizeValue = topic["recordSizeBytes"] {
            size = DistributionReader.read(sizeValue, "topic.recordSizeBytes", reader: reader, range: FieldRanges.recordSizeBytes) ?? size
        }
        let backlog = reader.integer(topic, path, "backlogRecords", range: 0...1e15) ?? 0
        let hot = reader.number(topic, path, "hotPartitionShare", range: 0...1) ?? 0
        let span = reader.number(topic, path, "backlogSpanSeconds", range: 0...maximumHorizonSeconds) ?? 0
        guard let partitions else { return nil }
        var spec = TopicSpec(partitions: Int(partitions), recordSizeBytes: size, backlogRecords: backlog, hotPartitionShare: hot)
        spec.backlogSpanSeconds = span
        decodeKeySkew(topic, into: &spec, reader: reader)
        return spec
    }

    static func decodeProducer(_ value: JSONValue, reader: FieldReader) -> ProductionSchedule {
        let path = "producer"
        guard let producer = reader.object(value, path, allowed: producerKeys) else { return .none }
        let arrivals = reader.choice(producer, path, "arrivals", choices: ["uniform", "poisson"])
            .flatMap(ProductionSchedule.Arrivals.init(rawValue:)) ?? .uniform
        var pieces: [ProductionSchedule.Piece] = []
        if let rate = reader.number(producer, path, "recordsPerSecond", range: FieldRanges.recordsPerSecond) {
            let start = reader.number(producer, path, "startSeconds", range: 0...maximumHorizonSeconds) ?? 0
            if let duration = reader.number(producer, path, "durationSeconds", range: 0...maximumHorizonSeconds) {
                pieces.append(.init(start: Ticks.seconds(start), end: Ticks.seconds(start + duration), recordsPerSecond: rate))
            } else if producer["durationSeconds"] == nil {
                reader.report(producer, "producer.durationSeconds", "missing; a constant rate needs a duration")
            }
        }
        if let schedule = producer["schedule"] {
            if producer["recordsPerSecond"] != nil {
                reader.report(schedule, "producer.schedule", "give either recordsPerSecond with durationSeconds, or a schedule, not both")
            }
            guard case .array(let elements) = schedule.kind else {
                reader.report(schedule, "producer.schedule", "expected an array of {startSeconds, durationSeconds, recordsPerSecond}, found \(schedule.typeName)")
                return ProductionSchedule(pieces: pieces, arrivals: arrivals)
            }
            var previousEnd: SimTime = 0
            for (offset, element) in elements.enumerated() {
                let piecePath = "producer.schedule[\(offset)]"
                guard let piece = reader.object(element, piecePath, allowed: pieceKeys) else { continue }
                for key in pieceKeys where piece[key] == nil {
                    reader.report(piece, "\(piecePath).\(key)", "missing")
                }
                guard let start = reader.number(piece, piecePath, "startSeconds", range: 0...maximumHorizonSeconds),
                      let duration = reader.number(piece, piecePath, "durationSeconds", range: 0...maximumHorizonSeconds),
                      let rate = reader.number(piece, piecePath, "recordsPerSecond", range: FieldRanges.recordsPerSecond) else { continue }
                let startTicks = Ticks.seconds(start)
                if startTicks < previousEnd {
                    reader.report(piece, "\(piecePath).startSeconds", "overlaps the previous piece, which ends at \(FieldReader.format(Ticks.toSeconds(previousEnd))) s")
                }
                previousEnd = Ticks.seconds(start + duration)
                pieces.append(.init(start: startTicks, end: previousEnd, recordsPerSecond: rate))
            }
        } else if producer["recordsPerSecond"] == nil {
            reader.report(producer, "producer", "give recordsPerSecond with durationSeconds, or a schedule")
        }
        return ProductionSchedule(pieces: pieces, arrivals: arrivals)
    }

    static func decodeFunction(_ value: JSONValue, reader: FieldReader) -> FunctionSpec? {
        let path = "function"
        guard let function = reader.object(value, path, allowed: functionKeys) else { return nil }
        var duration: FunctionSpec.DurationModel?
        let memory = reader.integer(function, path, "memoryMB", range: FieldRanges.memoryMB) ?? 128
        if let table = function["durationByMemory"] {
            duration = decodeDurationByMemory(table, function: function, memoryMB: Int(memory), reader: reader)
        } else if let durationValue = function["durationMs"] {
            duration = DistributionReader.readDuration(durationValue, "function.durationMs", reader: reader, maximum: maximumDurationMs)
        } else {
            reader.report(function, "function.durationMs", "missing; give the function's duration in milliseconds (or durationByMemory)")
        }
        let architecture = reader.choice(function, path, "architecture", choices: FunctionSpec.Architecture.allCases.map(\.rawValue))
            .flatMap(FunctionSpec.Architecture.init(rawValue:)) ?? .x86_64
        let errors = reader.number(function, path, "errorProbability", range: 0...1) ?? 0
        let account = reader.integer(function, path, "accountConcurrency", range: FieldRanges.accountConcurrency) ?? Int64(FunctionSpec.defaultAccountConcurrency)
        // Reserved concurrency 0 is how AWS switches a function off: every invocation is throttled.
        let reserved = reader.integer(function, path, "reservedConcurrency", range: FieldRanges.reservedConcurrency)
        if let reserved, reserved > account {
            reader.report(function["reservedConcurrency"], "function.reservedConcurrency", "\(reserved) is more than accountConcurrency (\(account))")
        }
        let recordFailures = reader.number(function, path, "recordFailureShare", range: 0...1) ?? 0
        let coldStart = decodeColdStart(function, reserved: reserved, account: account, reader: reader)
        guard let duration, let coldStart else { return nil }
        var spec = FunctionSpec(
            duration: duration, memoryMB: Int(memory), architecture: architecture, errorProbability: errors,
            reservedConcurrency: reserved.map { Int($0) }, accountConcurrency: Int(account),
            initDuration: coldStart.initDuration, provisionedConcurrentExecutions: coldStart.provisioned)
        spec.recordFailureShare = recordFailures
        return spec
    }

    /// `function.durationByMemory`: the duration at the function's `memoryMB`, from the
    /// table (interpolated between measured sizes); `durationMs` may not be given too.
    static func decodeDurationByMemory(_ value: JSONValue, function: JSONValue, memoryMB: Int, reader: FieldReader) -> FunctionSpec.DurationModel? {
        if function["durationMs"] != nil {
            reader.report(function["durationMs"], "function.durationMs", "give durationMs or durationByMemory, not both (the table gives the duration at memoryMB)")
        }
        guard let table = DurationByMemory.read(value, "function.durationByMemory", reader: reader, maximumDurationMs: maximumDurationMs) else { return nil }
        guard let milliseconds = table.durationMs(at: memoryMB) else {
            reader.report(function["memoryMB"] ?? value, "function.memoryMB", "\(memoryMB) MB is outside durationByMemory's measured \(table.rangeText); durations are not extrapolated")
            return nil
        }
        return .distribution(.constant(milliseconds))
    }

    static func decodeMapping(_ value: JSONValue, reader: FieldReader) -> (ESMSettings, String?) {
        let path = "eventSourceMapping"
        var settings = ESMSettings()
        guard let mapping = reader.object(value, path, allowed: mappingKeys) else { return (settings, nil) }
        if let size = reader.integer(mapping, path, "BatchSize", range: FieldRanges.batchSize) { settings.batchSize = Int(size) }
        if let window = reader.number(mapping, path, "MaximumBatchingWindowInSeconds", range: FieldRanges.batchingWindowSeconds, whole: true) {
            settings.batchingWindow = Ticks.seconds(window)
        }
        if let position = reader.choice(mapping, path, "StartingPosition", choices: ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]) {
            settings.startingPosition = ESMSettings.StartingPosition(rawValue: position) ?? .trimHorizon
        }
        decodeStartingTimestamp(mapping, into: &settings, reader: reader)
        if let criteria = mapping["FilterCriteria"] {
            settings.filterMatchShare = decodeFilterCriteria(criteria, reader: reader)
        }
        let provisioned = mapping["ProvisionedPollerConfig"] != nil
        decodeErrorHandling(mapping, provisioned: provisioned, into: &settings, reader: reader)
        if let destination = mapping["DestinationConfig"] {
            settings.hasOnFailureDestination = decodeDestination(destination, provisioned: provisioned, reader: reader)
            settings.destinationDeliveryFailureShare = decodeDeliveryFailureShare(destination, reader: reader)
        }
        var groupName: String?
        if let pollerValue = mapping["ProvisionedPollerConfig"] {
            let pollerPath = "\(path).ProvisionedPollerConfig"
            if let config = reader.object(pollerValue, pollerPath, allowed: pollerKeys) {
                let minimum = reader.integer(config, pollerPath, "MinimumPollers", range: 1...200)
                let maximum = reader.integer(config, pollerPath, "MaximumPollers", range: FieldRanges.maximumPollers)
                if config["MinimumPollers"] == nil && config["MaximumPollers"] == nil {
                    reader.report(config, pollerPath, "give MinimumPollers, MaximumPollers or both to use provisioned mode")
                }
                var bounds = ESMSettings.ProvisionedPollers()
                if let minimum { bounds.minimum = Int(minimum) }
                if let maximum { bounds.maximum = Int(maximum) }
                if bounds.maximum < bounds.minimum {
                    reader.report(config["MaximumPollers"] ?? config, "\(pollerPath).MaximumPollers",
                                  "\(bounds.maximum) is less than MinimumPollers (\(bounds.minimum))")
                }
                settings.provisionedPollers = bounds
                if let name = reader.string(config, pollerPath, "PollerGroupName") {
                    if name.count > 128 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                        reader.report(config["PollerGroupName"], "\(pollerPath).PollerGroupName", "must be at most 128 characters of [a-zA-Z0-9-_]")
                    } else if !name.isEmpty {
                        groupName = name
                    }
                }
            }
        }
        return (settings, groupName)
    }

    /// The retry controls AWS documents for Kafka ESMs in provisioned mode only
    /// (DOC kafka-retry-configurations): elsewhere each is refused, naming the field.
    static func decodeErrorHandling(_ mapping: JSONValue, provisioned: Bool, into settings: inout ESMSettings, reader: FieldReader) {
        let path = "eventSourceMapping"
        if !provisioned {
            for key in errorHandlingKeys where mapping[key] != nil {
                reader.report(mapping[key], "\(path).\(key)", "Kafka ESMs accept this only in provisioned mode; add ProvisionedPollerConfig, or leave it out (on-demand retries a failed batch until it succeeds)")
            }
            return
        }
        if let retries = reader.integer(mapping, path, "MaximumRetryAttempts", range: -1...10_000) {
            settings.maximumRetryAttempts = Int(retries)
        }
        if let age = reader.integer(mapping, path, "MaximumRecordAgeInSeconds", range: -1...604_800) {
            if age == -1 {
                settings.maximumRecordAge = nil
            } else if age < 60 {
                reader.report(mapping["MaximumRecordAgeInSeconds"], "\(path).MaximumRecordAgeInSeconds", "\(age) must be -1 (no limit) or 60...604,800")
            } else {
                settings.maximumRecordAge = Ticks.seconds(Double(age))
            }
        }
        if let bisect = reader.bool(mapping, path, "BisectBatchOnFunctionError") {
            settings.bisectBatchOnFunctionError = bisect
        }
        if let types = mapping["FunctionResponseTypes"] {
            settings.reportBatchItemFailures = decodeFunctionResponseTypes(types, reader: reader)
        }
    }

    /// `FunctionResponseTypes`: an empty list (the default) or `["ReportBatchItemFailures"]`,
    /// the one value AWS accepts (API: 0 to 1 items).
    static func decodeFunctionResponseTypes(_ value: JSONValue, reader: FieldReader) -> Bool {
        let path = "eventSourceMapping.FunctionResponseTypes"
        guard case .array(let types) = value.kind else {
            reader.report(value, path, "expected an array, [] or [\"ReportBatchItemFailures\"], found \(value.typeName)")
            return false
        }
        if types.count > 1 {
            reader.report(value, path, "has \(types.count) items; AWS accepts at most one, \"ReportBatchItemFailures\"")
            return false
        }
        guard let type = types.first else { return false }
        guard case .string(let name) = type.kind, name == "ReportBatchItemFailures" else {
            reader.report(type, "\(path)[0]", "must be \"ReportBatchItemFailures\", the only function response type")
            return false
        }
        return true
    }

    /// The fields `decodeErrorHandling` reads.
    static let errorHandlingKeys = ["MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "FunctionResponseTypes"]

    /// An on-failure destination: an SNS, SQS or S3 ARN in either mode, or a Kafka topic
    /// (`kafka://topic`), which needs provisioned mode (DOC kafka-on-failure-destination).
    static func decodeDestination(_ value: JSONValue, provisioned: Bool, reader: FieldReader) -> Bool {
        let path = "eventSourceMapping.DestinationConfig"
        guard let config = reader.object(value, path, allowed: ["OnFailure"]), let onFailure = config["OnFailure"] else { return false }
        guard let failure = reader.object(onFailure, "\(path).OnFailure", allowed: ["Destination", "deliveryFailureShare"]) else { return false }
        guard let arn = reader.string(failure, "\(path).OnFailure", "Destination") else {
            if failure["Destination"] == nil { reader.report(failure, "\(path).OnFailure.Destination", "missing; give the destination's ARN") }
            return false
        }
        if arn.hasPrefix("kafka://") {
            guard provisioned else {
                reader.report(failure["Destination"], "\(path).OnFailure.Destination", "a Kafka topic destination (kafka://) needs provisioned mode: add ProvisionedPollerConfig, or use an SNS, SQS or S3 ARN")
                return false
            }
            guard arn.count > "kafka://".count else {
                reader.report(failure["Destination"], "\(path).OnFailure.Destination", "\"\(arn)\" names no topic (kafka://TOPIC)")
                return false
            }
            return true
        }
        if !arn.hasPrefix("arn:") {
            reader.report(failure["Destination"], "\(path).OnFailure.Destination", "\"\(arn)\" is not an ARN (it should start with arn:) or a Kafka topic (kafka://TOPIC)")
            return false
        }
        return true
    }

    /// `DestinationConfig.OnFailure.deliveryFailureShare` (esmsim): the share of records sent
    /// to the on-failure destination whose delivery fails, 0...1, default 0.
    static func decodeDeliveryFailureShare(_ value: JSONValue, reader: FieldReader) -> Double {
        let path = "eventSourceMapping.DestinationConfig.OnFailure"
        guard let onFailure = value["OnFailure"], case .object = onFailure.kind else { return 0 }
        return reader.number(onFailure, path, "deliveryFailureShare", range: 0...1) ?? 0
    }
}
