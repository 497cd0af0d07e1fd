/// Whether a run may advance steady stretches in one step (`ESMSimulation+Compression`):
/// the one predicate that says which features the compressed path understands.
///
/// The compressed path recognises a repeating cycle by comparing the whole model state
/// it knows of (partitions, pollers, queues, random streams) at two moments, and then
/// repeats the cycle's changes. State it does not compare would be repeated wrongly, so
/// every feature that adds state or breaks the cycle's repetition must be excluded here.
/// A feature added to the model (an execution-environment pool, payloads spanning
/// partitions, several ESMs per function, a new scaler mechanism) is excluded by adding a
/// condition until the compression compares its state.
///
/// While production runs, a cycle repeats only if the arrivals do: `whileProducing` says
/// why a run's production cannot repeat exactly.
///
/// Run-time conditions (the same rate from one snapshot to the next, every partition's
/// records either backlog still to fetch or production it keeps up with, nothing
/// drained) are checked by the compressed path itself at every step.
struct CompressionEligibility {
    /// Why compression is off for a run, or nil when it may run.
    let reason: String?
    /// Why compression is off while production runs, or nil when it may run then too.
    let whileProducing: String?
    /// The split's period (`PartitionSplit.period`), when the run compresses while producing.
    let splitPeriod: Int64?

    /// Whether the run may take compressed steps.
    var allows: Bool { reason == nil }

    /// Whether the run may take compressed steps while production runs.
    var allowsWhileProducing: Bool { reason == nil && whileProducing == nil }

    /// Decides for `configuration`, whose derived figures are `constants`.
    init(_ configuration: ModelConfiguration, constants: ESMSimulation.Constants) {
        reason = Self.firstReason(configuration, constants: constants)
        let period = PartitionSplit(topic: configuration.topic).period
        if configuration.production.arrivals == .poisson {
            // Each second's count is a draw: no two seconds' arrivals repeat.
            whileProducing = "Poisson arrivals"
        } else if period == nil {
            whileProducing = "a partition split that does not repeat within 2^63 records"
        } else {
            whileProducing = nil
        }
        splitPeriod = whileProducing == nil ? period : nil
    }

    static func firstReason(_ configuration: ModelConfiguration, constants: ESMSimulation.Constants) -> String? {
        if !configuration.compression { return "switched off" }
        // Co-simulated ESMs share the function's concurrency, state outside this simulation.
        if configuration.partitionsOfOtherMappings > 0 { return "several ESMs on one function" }
        // Cold starts that take time, provisioned concurrency and a scaling rate that can
        // throttle make the environment pool (not in the snapshot) decide what a cycle does.
        if constants.coldStartsTakeTime || configuration.function.provisionedConcurrentExecutions > 0 || !constants.throttlingImpossible {
            return "execution environments that shape the run"
        }
        // Filters select records by absolute offset, so a cycle's batches differ.
        if constants.filter != nil { return "FilterCriteria" }
        // Ages grow from cycle to cycle, so record expiry changes what a batch invokes.
        if configuration.settings.maximumRecordAge != nil { return "MaximumRecordAgeInSeconds" }
        // Records failing one by one draw from their own stream and commit parts of batches.
        if configuration.function.recordFailureShare > 0 { return "function.recordFailureShare" }
        // Which deliveries fail follows the run's cumulative dropped records.
        if configuration.settings.hasOnFailureDestination && configuration.settings.destinationDeliveryFailureShare > 0 {
            return "DestinationConfig.OnFailure.deliveryFailureShare"
        }
        // Payloads spanning partitions form only from batches their lead does not fill, which
        // a steady backlog drain (full batches) never has: their state stays empty there.
        // Payload bytes must be whole numbers, so their sums are exact in any order.
        if constants.recordSizeDeviation != 0 || constants.recordSizeMean.rounded() != constants.recordSizeMean {
            return "record sizes that vary or are fractional"
        }
        return nil
    }
}
