extension ScenarioField {
    /// Whether setting one field changes the other: the same place in the scenario under
    /// two names (`BatchSize` and `eventSourceMapping.BatchSize`), or one inside the other.
    public func overlaps(_ other: ScenarioField) -> Bool {
        path.starts(with: other.path) || other.path.starts(with: path)
    }

    /// The field's place as a dotted path (`eventSourceMapping.BatchSize`, `producer.schedule[1]`).
    public var dottedPath: String {
        path.reduce("") { text, step in
            switch step {
            case .key(let key): text.isEmpty ? key : text + "." + key
            case .index(let index): text + "[\(index)]"
            }
        }
    }
}
