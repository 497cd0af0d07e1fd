/// A model event of one co-simulated ESM: the event, and which ESM it belongs to.
public struct MappingEvent: Sendable {
    /// The ESM's index in `CoSimulationConfiguration.mappings`.
    public var mapping: Int32
    /// The ESM's own event.
    public var event: ModelEvent
}
