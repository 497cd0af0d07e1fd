import ESMFormats
import Foundation
import ESMScenarios
@testable import ESMImport

/// Runs imports on texts in memory and reads their results, for the table tests.
enum ImportFixtures {
    /// The folder of example inputs.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/imports").path

    /// The text of an example input.
    static func example(_ name: String) throws -> String {
        try String(contentsOfFile: examples + "/" + name, encoding: .utf8)
    }

    /// The scenarios, or every problem as `file:line:column: path: message`.
    static func run(_ inputs: [(String, String)], options: ImportOptions = ImportOptions(), selection: Importer.Selection = .init()) -> Result<[ImportedScenario], DiagnosticError> {
        do {
            return .success(try Importer.run(texts: inputs.map { (file: $0.0, text: $0.1) }, options: options, selection: selection).scenarios)
        } catch {
            return .failure(error)
        }
    }

    /// The scenario's JSON, checked to load as `esmsim validate` loads it.
    static func json(_ scenario: ImportedScenario) throws -> JSONValue {
        _ = try ScenarioLoader.parse(scenario.text, file: "\(scenario.name).json", defaultName: scenario.name)
        return try JSONParser.parse(scenario.text)
    }

    /// The problems' lines, or the scenarios' names when it worked.
    static func outcome(_ inputs: [(String, String)], options: ImportOptions = ImportOptions(), selection: Importer.Selection = .init()) -> String {
        switch run(inputs, options: options, selection: selection) {
        case .success(let scenarios): return "ok: " + scenarios.map(\.name).joined(separator: ", ")
        case .failure(let error): return error.description
        }
    }
}
