/// Reads a JSON file, reporting an unreadable file or a syntax error as a scenario
/// problem with its position.
enum JSONDocument {
    /// The parsed contents of `path`.
    static func read(path: String) throws(ScenarioError) -> JSONValue {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(problems: [ScenarioProblem(file: path, line: 0, column: 0, path: "", message: "cannot read the file: \(ScenarioLoader.reason(error))")])
        }
        do {
            return try JSONParser.parse(text)
        } catch {
            throw ScenarioError(problems: [ScenarioProblem(file: path, line: error.line, column: error.column, path: "", message: "malformed JSON: \(error.message)")])
        }
    }
}
