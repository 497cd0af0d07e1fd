import Foundation
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts

/// Builds scenario texts for tests: a valid base scenario as a JSON object tree that
/// tests edit at dotted paths, serialised with sorted keys so texts are repeatable.
enum ScenarioJSON {
    /// A small valid provisioned-mode scenario touching most fields.
    static var base: [String: Any] {
        [
            "name": "base",
            "topic": ["partitions": 4, "recordSizeBytes": 1_024, "backlogRecords": 2_000],
            "producer": ["recordsPerSecond": 50, "durationSeconds": 120],
            "function": ["durationMs": 40, "memoryMB": 256, "errorProbability": 0.0, "reservedConcurrency": 20],
            "eventSourceMapping": [
                "BatchSize": 100, "MaximumBatchingWindowInSeconds": 1, "StartingPosition": "TRIM_HORIZON",
                "ProvisionedPollerConfig": ["MinimumPollers": 1, "MaximumPollers": 4],
            ] as [String: Any],
        ]
    }

    /// `object` with the value at dotted `path` replaced (nil removes it).
    static func setting(_ path: String, to value: Any?, in object: [String: Any]) -> [String: Any] {
        var keys = path.split(separator: ".").map(String.init)
        var result = object
        let key = keys.removeFirst()
        if keys.isEmpty {
            result[key] = value
        } else {
            result[key] = setting(keys.joined(separator: "."), to: value, in: result[key] as? [String: Any] ?? [:])
        }
        return result
    }

    /// The base scenario with `edits` applied, as text.
    static func text(_ edits: [(String, Any?)] = [], base: [String: Any] = ScenarioJSON.base) -> String {
        serialise(edits.reduce(base) { setting($1.0, to: $1.1, in: $0) })
    }

    /// A JSON value as pretty-printed text with sorted keys.
    static func serialise(_ value: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses `text` as scenario `file`, returning the scenario or its error.
    static func load(_ text: String, file: String = "test.json") -> Result<Scenario, DiagnosticError> {
        Result { () throws(DiagnosticError) in try ScenarioLoader.parse(text, file: file, defaultName: "test") }
    }

    /// The folder of shipped scenario files.
    static var scenariosFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
    }
}

/// SplitMix64: a tiny seeded generator so every randomised test is repeatable.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A number in [low, high).
    mutating func double(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    /// True with probability `chance`.
    mutating func chance(_ chance: Double) -> Bool { double(0, 1) < chance }

    /// One of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...choices.count - 1)] }
}
