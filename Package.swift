// swift-tools-version:6.0
import PackageDescription

/// esmsim: a deterministic discrete-event simulator of AWS Lambda's Kafka event source mapping.
///
/// Modules, each depending only on modules above it in this list (never on a sibling
/// below, never back up):
/// - `EventEngine`: a generic discrete-event kernel (time, queue, random streams, distributions).
/// - `ESMModel`: the Kafka / Lambda model and its behaviour profiles, built on the engine.
/// - `ESMFormats`: input and output formats with positions (JSON, CSV, atomic files,
///   diagnostics, text tables); knows nothing of the model.
/// - `ESMBilling`: prices, the cost model and the steady-state estimate.
/// - `ESMScenarios`: scenario files, profiles, running a scenario and writing its outputs.
/// - `ESMStudies`: calibration, fidelity, sweeps and their merge, planning, regression.
/// - `ESMCharts`: SVG charts and the HTML report.
/// - `ESMImport`: readers of the files users already have (AWS CLI JSON, CloudFormation and
///   SAM templates in JSON or YAML, `terraform show -json`), turned into scenarios.
/// - `esmsim`: the command line, a thin edge over the modules above.
///
/// No target uses unsafe flags, so other packages can depend on esmsim by version.
/// `ESMSIM_INTERNAL_CHECKS` (invariant checks on every mutation) is on in debug builds.
let internalChecks: [SwiftSetting] = [.define("ESMSIM_INTERNAL_CHECKS", .when(configuration: .debug))]

let package = Package(
    name: "esmsim",
    products: [
        .executable(name: "esmsim", targets: ["esmsim"]),
        .library(name: "ESMScenarios", targets: ["ESMScenarios"]),
        .library(name: "ESMStudies", targets: ["ESMStudies"]),
    ],
    targets: [
        .target(name: "EventEngine", exclude: ["README.md"], swiftSettings: internalChecks),
        .target(name: "ESMModel", dependencies: ["EventEngine"], exclude: ["README.md"], swiftSettings: internalChecks),
        .target(name: "ESMFormats", dependencies: ["EventEngine"], exclude: ["README.md"]),
        .target(name: "ESMBilling", dependencies: ["ESMModel", "ESMFormats"], exclude: ["README.md", "Prices"]),
        .target(
            name: "ESMScenarios",
            dependencies: ["ESMModel", "EventEngine", "ESMFormats", "ESMBilling"],
            exclude: ["README.md", "Profiles", "ProfileSets"]
        ),
        .target(name: "ESMStudies", dependencies: ["ESMScenarios", "ESMBilling", "ESMFormats", "ESMModel", "EventEngine"], exclude: ["README.md"]),
        .target(name: "ESMCharts", dependencies: ["ESMScenarios", "ESMBilling", "ESMFormats", "ESMModel"], exclude: ["README.md"]),
        .target(name: "ESMImport", dependencies: ["ESMScenarios", "ESMFormats", "ESMModel"], exclude: ["README.md"]),
        .executableTarget(
            name: "esmsim",
            dependencies: ["ESMImport", "ESMCharts", "ESMStudies", "ESMScenarios", "ESMBilling", "ESMFormats", "ESMModel"],
            exclude: ["README.md"]
        ),
        // The benchmark: run with `swift run -c release esmsim-bench`; the tests never run it.
        .executableTarget(name: "esmsim-bench", dependencies: ["ESMStudies", "ESMScenarios", "ESMBilling", "ESMModel", "EventEngine"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine"]),
        .testTarget(name: "ESMModelTests", dependencies: ["ESMModel", "EventEngine"]),
        .testTarget(name: "ESMImportTests", dependencies: ["ESMImport", "ESMScenarios", "ESMFormats", "EventEngine"]),
        .testTarget(
            name: "ESMScenariosTests",
            dependencies: ["ESMCharts", "ESMStudies", "ESMScenarios", "ESMBilling", "ESMFormats", "ESMModel", "EventEngine"]
        ),
    ]
)
