// swift-tools-version:6.0
import PackageDescription

/// esmsim: a deterministic discrete-event simulator of AWS Lambda's Kafka event source mapping.
///
/// Layers, each depending only on the ones above it in this list:
/// - `EventEngine`: a generic discrete-event kernel (time, queue, random streams, distributions).
/// - `ESMModel`: the Kafka / Lambda model and its behaviour profiles, built on the engine.
/// - `ESMScenarios`: scenario files, outputs (CSV), calibration and planning, built on the model.
/// - `esmsim`: the command line, a thin edge over `ESMScenarios`.
let package = Package(
    name: "esmsim",
    products: [
        .executable(name: "esmsim", targets: ["esmsim"]),
        .library(name: "ESMScenarios", targets: ["ESMScenarios"]),
    ],
    targets: [
        .target(name: "EventEngine"),
        .target(
            name: "ESMModel",
            dependencies: ["EventEngine"],
            swiftSettings: [.define("ESMSIM_INTERNAL_CHECKS", .when(configuration: .debug))]
        ),
        .target(
            name: "ESMScenarios",
            dependencies: ["ESMModel", "EventEngine"],
            resources: [.copy("Profiles")]
        ),
        .executableTarget(name: "esmsim", dependencies: ["ESMScenarios", "ESMModel"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine"]),
        .testTarget(name: "ESMModelTests", dependencies: ["ESMModel", "EventEngine"]),
        .testTarget(name: "ESMScenariosTests", dependencies: ["ESMScenarios", "ESMModel", "EventEngine"]),
    ]
)
