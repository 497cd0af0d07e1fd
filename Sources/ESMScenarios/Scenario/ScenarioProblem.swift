/// One thing wrong with a scenario file: where it is and what is wrong.
public struct ScenarioProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file, as given on the command line.
    public var file: String
    /// 1-based line and column of the offending value, when known.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// Dotted path of the field (`eventSourceMapping.BatchSize`); empty for the whole file.
    public var path: String
    /// What is wrong.
    public var message: String

    /// A problem at a position (line 0 when the position is unknown).
    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`.
    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(column)" : file
        return path.isEmpty ? "\(position): \(message)" : "\(position): \(path): \(message)"
    }
}

/// A scenario file that could not be loaded, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public var problems: [ScenarioProblem]

    /// An error holding `problems`.
    public init(problems: [ScenarioProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
