import ESMFormats
import ESMModel

extension ScenarioLoader {
    /// The most filters an ESM may have: 5 by default, up to 10 with a quota increase
    /// (DOC invocation-eventfiltering).
    static let maximumFilters = 10
    /// The longest `Pattern` the API accepts.
    static let maximumPatternLength = 4_096
    /// The fields of a Kafka event record, the only ones a Kafka filter pattern can name
    /// (DOC kafka-filtering: the record shape).
    static let kafkaRecordFields = ["topic", "partition", "offset", "timestamp", "timestampType", "key", "value", "headers"]

    /// `FilterCriteria`: `{"Filters": [{"Pattern": "...", "matchShare": 0.3}], "matchShare": 0.4}`.
    ///
    /// `Pattern` is AWS's JSON pattern, kept as written; esmsim cannot see record contents,
    /// so each filter says which share of records it matches (`matchShare`, an esmsim
    /// extension). Filters are ORed: with one overall `matchShare` beside `Filters`, that is
    /// the share matching any filter; otherwise the filters are taken to match independently
    /// of one another, so 1 − Π(1 − matchShare) of the records pass. Returns the share of
    /// records that pass, or nil when there are no filters.
    static func decodeFilterCriteria(_ value: JSONValue, reader: FieldReader) -> Double? {
        let path = "eventSourceMapping.FilterCriteria"
        guard let criteria = reader.object(value, path, allowed: ["Filters", "matchShare"]) else { return nil }
        let overall = reader.number(criteria, path, "matchShare", range: 0...1)
        guard let filtersValue = criteria["Filters"] else {
            reader.report(criteria, "\(path).Filters", "missing; give a list of {\"Pattern\": \"...\", \"matchShare\": share}")
            return nil
        }
        guard case .array(let filters) = filtersValue.kind else {
            reader.report(filtersValue, "\(path).Filters", "expected an array of filters, found \(filtersValue.typeName)")
            return nil
        }
        if filters.isEmpty {
            if let share = criteria["matchShare"] {
                reader.report(share, "\(path).matchShare", "there are no Filters for it to describe")
            }
            return nil
        }
        if filters.count > maximumFilters {
            reader.report(filtersValue, "\(path).Filters", "\(filters.count) filters; an ESM has at most \(maximumFilters) (5 by default, 10 with a quota increase)")
        }
        var passing = 1.0
        var everyShareGiven = true
        for (offset, element) in filters.enumerated() {
            let filterPath = "\(path).Filters[\(offset)]"
            guard let filter = reader.object(element, filterPath, allowed: ["Pattern", "matchShare"]) else {
                everyShareGiven = false
                continue
            }
            readPattern(filter, filterPath, reader: reader)
            guard let share = reader.number(filter, filterPath, "matchShare", range: 0...1) else {
                everyShareGiven = false
                if filter["matchShare"] == nil && overall == nil && criteria["matchShare"] == nil {
                    reader.report(filter, "\(filterPath).matchShare", "missing; give the share of records this filter matches (0...1), or one FilterCriteria.matchShare for all filters")
                }
                continue
            }
            if let overall, share > overall {
                reader.report(filter["matchShare"], "\(filterPath).matchShare", "\(FieldReader.format(share)) is more than FilterCriteria.matchShare (\(FieldReader.format(overall))), the share matching any filter")
            }
            passing *= 1 - share
        }
        if let overall { return overall }
        return everyShareGiven ? 1 - passing : nil
    }

    /// Checks a filter's `Pattern`: a string holding a JSON object of at most 4,096
    /// characters that names only fields of a Kafka record.
    static func readPattern(_ filter: JSONValue, _ path: String, reader: FieldReader) {
        guard let text = reader.string(filter, path, "Pattern") else {
            if filter["Pattern"] == nil { reader.report(filter, "\(path).Pattern", "missing; give the filter's JSON pattern as a string") }
            return
        }
        let where_ = "\(path).Pattern"
        if text.count > maximumPatternLength {
            reader.report(filter["Pattern"], where_, "\(FieldReader.format(Double(text.count))) characters; a pattern has at most \(FieldReader.format(Double(maximumPatternLength)))")
            return
        }
        let pattern: JSONValue
        do {
            pattern = try JSONParser.parse(text)
        } catch {
            reader.report(filter["Pattern"], where_, "is not valid JSON (\(error.message) at line \(error.line), column \(error.column) of the pattern)")
            return
        }
        guard let members = pattern.members, !members.isEmpty else {
            reader.report(filter["Pattern"], where_, "must be a JSON object naming record fields, e.g. {\\\"value\\\": {\\\"type\\\": [\\\"order\\\"]}}")
            return
        }
        for member in members where !kafkaRecordFields.contains(member.key) {
            reader.report(filter["Pattern"], where_, "\"\(member.key)\" is not a field of a Kafka record; a pattern can name \(kafkaRecordFields.joined(separator: ", "))")
        }
    }

    /// `StartingPositionTimestamp`: needed with `AT_TIMESTAMP` and refused with any other
    /// position, as the API does. Seconds on the scenario's clock (0 = when the ESM starts;
    /// negative reaches into the backlog, dated by `topic.backlogSpanSeconds`).
    static func decodeStartingTimestamp(_ mapping: JSONValue, into settings: inout ESMSettings, reader: FieldReader) {
        let path = "eventSourceMapping"
        let timestamp = reader.number(mapping, path, "StartingPositionTimestamp", range: -maximumHorizonSeconds...maximumHorizonSeconds)
        guard mapping["StartingPosition"].flatMap({ if case .string(let text) = $0.kind { return text } else { return nil } }) == "AT_TIMESTAMP" else {
            if mapping["StartingPositionTimestamp"] != nil {
                reader.report(mapping["StartingPositionTimestamp"], "\(path).StartingPositionTimestamp", "is read only with StartingPosition AT_TIMESTAMP")
            }
            return
        }
        if mapping["StartingPositionTimestamp"] == nil {
            reader.report(mapping["StartingPosition"], "\(path).StartingPositionTimestamp", "missing; AT_TIMESTAMP needs the time to start reading from, in seconds on the scenario's clock (0 = when the ESM starts, negative = into the backlog)")
        }
        settings.startingPositionTimestamp = timestamp
    }
}
