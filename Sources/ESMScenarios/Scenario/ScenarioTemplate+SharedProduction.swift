import ESMFormats
import ESMModel

extension ScenarioTemplate {
    /// A long producer schedule decoded once for every variant of a template. Decoding a
    /// week of minute-by-minute pieces (10,080) costs milliseconds, which a plan or sweep
    /// would otherwise spend again on each of its hundreds of variants, none of which may
    /// change the producer (the varied fields are the ESM's, the function's and the topic's).
    struct SharedProduction: Sendable {
        /// The template's JSON with the schedule cut to one placeholder piece: every other
        /// field decodes exactly as in the full JSON, because the producer is decoded on its own.
        let light: JSONValue
        /// The template's production, decoded from the full schedule.
        let production: ProductionSchedule

        /// Schedules shorter than this decode fast enough not to share.
        static let minimumPieces = 64

        /// The shared production of `json`; nil for a short schedule, a list of ESMs (each
        /// with its own producer) or a producer that does not decode.
        init?(_ json: JSONValue, file: String) {
            let schedulePath: [JSONValue.PathStep] = [.key("producer"), .key("schedule")]
            guard json[ScenarioLoader.mappingListKey] == nil, let producer = json["producer"],
                  case .array(let pieces)? = json.value(at: schedulePath[...])?.kind, pieces.count >= Self.minimumPieces else { return nil }
            let reader = FieldReader(file: file)
            let production = ScenarioLoader.decodeProducer(producer, reader: reader)
            let placeholder = JSONValue(.object([
                .init(key: "startSeconds", value: JSONValue(.number(0))), .init(key: "durationSeconds", value: JSONValue(.number(1))),
                .init(key: "recordsPerSecond", value: JSONValue(.number(1))),
            ]))
            guard reader.problems.isEmpty, !production.pieces.isEmpty,
                  let light = json.setting(schedulePath[...], to: JSONValue(.array([placeholder]))) else { return nil }
            self.light = light
            self.production = production
        }

        /// Whether `changes` leave the producer alone, so a variant may use the shared production.
        static func applies(to changes: [Change]) -> Bool {
            !changes.contains { $0.field.path.first == .key("producer") }
        }
    }
}
