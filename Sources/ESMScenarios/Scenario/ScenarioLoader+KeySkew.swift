import ESMFormats
import ESMModel

extension ScenarioLoader {
    /// The ways a topic's records can lean on some partitions; a topic gives at most one.
    static let skewKeys = ["hotPartitionShare", "partitionWeights", "keyDistribution"]

    /// `topic.partitionWeights` (a relative weight per partition) or `topic.keyDistribution`
    /// (`{"distribution": "zipf", "s": 1.1, "keys": 10000}` or `{"distribution": "uniform",
    /// "keys": 3}`): records are spread over partitions in proportion to the weights, or by
    /// hashing each record's key as Kafka's default partitioner does.
    static func decodeKeySkew(_ topic: JSONValue, into spec: inout TopicSpec, reader: FieldReader) {
        let given = skewKeys.filter { topic[$0] != nil }
        if given.count > 1 {
            reader.report(topic[given[1]], "topic.\(given[1])", "give only one of \(given.joined(separator: " and ")): each sets how records spread over partitions")
            return
        }
        if let value = topic["partitionWeights"] {
            spec.partitionWeights = decodeWeights(value, partitions: spec.partitions, reader: reader)
        }
        if let value = topic["keyDistribution"] {
            spec.keyDistribution = decodeKeyDistribution(value, reader: reader)
        }
    }

    /// One non-negative weight per partition, not all zero.
    static func decodeWeights(_ value: JSONValue, partitions: Int, reader: FieldReader) -> [Double]? {
        let path = "topic.partitionWeights"
        guard case .array(let elements) = value.kind else {
            reader.report(value, path, .wrongType(expected: "an array with one weight per partition", found: value.typeName))
            return nil
        }
        if elements.count != partitions {
            reader.report(value, path, "has \(FieldReader.format(Double(elements.count))) weights for \(FieldReader.format(Double(partitions))) partitions; give one per partition")
            return nil
        }
        var weights: [Double] = []
        weights.reserveCapacity(elements.count)
        for (offset, element) in elements.enumerated() {
            guard let weight = reader.number(element, "\(path)[\(offset)]", range: 0...1e12) else { return nil }
            weights.append(weight)
        }
        guard weights.contains(where: { $0 > 0 }) else {
            reader.report(value, path, "every weight is 0; at least one partition must receive records")
            return nil
        }
        return weights
    }

    /// A key distribution: `uniform` or `zipf` (with exponent `s`) over `keys` distinct keys.
    static func decodeKeyDistribution(_ value: JSONValue, reader: FieldReader) -> KeyDistribution? {
        let path = "topic.keyDistribution"
        guard let object = reader.object(value, path, allowed: ["distribution", "s", "keys"]) else { return nil }
        let kind = reader.choice(object, path, "distribution", choices: ["zipf", "uniform"])
        if object["distribution"] == nil { reader.report(object, "\(path).distribution", "missing; zipf or uniform") }
        if object["keys"] == nil { reader.report(object, "\(path).keys", "missing; give the number of distinct record keys") }
        let keys = reader.integer(object, path, "keys", range: 1...Double(KeyDistribution.maximumKeys))
        var shape: KeyDistribution.Shape?
        switch kind {
        case "zipf":
            if object["s"] == nil { reader.report(object, "\(path).s", "missing; a zipf distribution needs its exponent s (0...10)") }
            shape = reader.number(object, path, "s", range: 0...10).map { .zipf(exponent: $0) }
        case "uniform":
            if let exponent = object["s"] { reader.report(exponent, "\(path).s", "only a zipf distribution has an exponent") }
            shape = .uniform
        default:
            break
        }
        guard let shape, let keys else { return nil }
        return KeyDistribution(shape: shape, keys: Int(keys))
    }
}
