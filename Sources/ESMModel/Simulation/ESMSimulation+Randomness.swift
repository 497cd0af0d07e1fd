import EventEngine

extension ESMSimulation {
    /// The model's random streams, one per subsystem, so a change in one subsystem's
    /// draws leaves the others' sequences alone.
    struct Randomness: Equatable {
        var duration: RandomStream
        var errors: RandomStream
        var recordSize: RandomStream
        /// Drawn only when the function fails single records (`recordFailureShare`).
        var recordFailures: RandomStream
        /// Init durations of new execution environments.
        var initialization: RandomStream

        /// Takes the streams named after their subsystems from `streams`.
        init(_ streams: RandomStreams) {
            duration = streams.stream("function.duration")
            errors = streams.stream("function.errors")
            recordSize = streams.stream("topic.recordSize")
            recordFailures = streams.stream("function.recordFailures")
            initialization = streams.stream("function.initialization")
        }
    }
}
