// swift-tools-version:6.0
import PackageDescription

/// esmsim: a deterministic discrete-event simulator of AWS Lambda's Kafka event source mapping.
///
/// Layers, each depending only on the ones above it in this list:
/// - `EventEngine`: a generic discrete-event kernel (time, queue, random streams, distributions).
/// - `ESMModel`: the Kafka / Lambda model and its behaviour profiles, built on the engine.
/// - `ESMScenarios`: scenario files, outputs (CSV), calibration and planning, built on the model.
/// - `ESMImport`: readers of the files users already have (AWS CLI JSON, CloudFormation and
///   SAM templates in JSON or YAML, `terraform show -json`), turned into scenarios.
/// - `esmsim`: the command line, a thin edge over `ESMScenarios` and `ESMImport`.
/// The engine and the model are compiled optimized in debug builds too: the test suite
/// replays the published scenarios (and calibrates against them) many times, which
/// would take minutes unoptimized. Everything else keeps normal debug settings.
let optimizedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "esmsim",
    products: [
        .executable(name: "esmsim", targets: ["esmsim"]),
        .library(name: "ESMScenarios", targets: ["ESMScenarios"]),
    ],
    targets: [
        .target(name: "EventEngine", swiftSettings: optimizedEvenInDebug),
        .target(
            name: "ESMModel",
            dependencies: ["EventEngine"],
            swiftSettings: optimizedEvenInDebug + [.define("ESMSIM_INTERNAL_CHECKS", .when(configuration: .debug))]
        ),
        .target(
            name: "ESMScenarios",
            dependencies: ["ESMModel", "EventEngine"],
            resources: [.copy("Profiles"), .copy("Prices")]
        ),
        .target(name: "ESMImport", dependencies: ["ESMScenarios"], exclude: ["README.md"]),
        .executableTarget(name: "esmsim", dependencies: ["ESMScenarios", "ESMModel", "ESMImport"]),
        // The benchmark: run with `swift run -c release esmsim-bench`; the tests never run it.
        .executableTarget(name: "esmsim-bench", dependencies: ["ESMScenarios", "ESMModel", "EventEngine"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine"]),
        .testTarget(name: "ESMModelTests", dependencies: ["ESMModel", "EventEngine"]),
        .testTarget(name: "ESMScenariosTests", dependencies: ["ESMScenarios", "ESMModel", "EventEngine"]),
        .testTarget(name: "ESMImportTests", dependencies: ["ESMImport", "ESMScenarios", "EventEngine"]),
    ]
)
