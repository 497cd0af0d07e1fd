import Foundation

/// One thing wrong with a file or flag a user gave: where it is and what is wrong.
///
/// Every user-facing problem of every input format (scenarios, profiles, prices,
/// sweeps, plans, observations, imports) is one of these, printed as
/// `file:line:column: path: message`, so editors and CI logs can jump to it.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The file, as given on the command line (or the flag, for command-line values).
    public var file: String
    /// 1-based line of the offending value; 0 when the problem is the whole file.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// Dotted path of the field (`eventSourceMapping.BatchSize`); empty for the whole file.
    public var path: String
    /// What is wrong, as a case with values.
    public var problem: Problem
    /// Where in a larger run the problem arose (a sweep point, say); empty when nowhere in particular.
    public var context: String = ""

    /// A problem at a position of `file`.
    public init(file: String, line: Int, column: Int, path: String, problem: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
    }

    /// A problem at a position of `file` that no more specific case describes.
    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.init(file: file, line: line, column: column, path: path, problem: .invalid(message))
    }

    /// A problem with the whole of `file`: no position, no field.
    public init(file: String, message: String) {
        self.init(file: file, line: 0, column: 0, path: "", message: message)
    }

    /// A problem with the whole of `file`, as a case.
    public init(file: String, problem: Problem) {
        self.init(file: file, line: 0, column: 0, path: "", problem: problem)
    }

    /// What is wrong, in words, with its context.
    public var message: String {
        context.isEmpty ? problem.message : "\(problem.message) (\(context))"
    }

    /// `file:line:column: path: message`, leaving out what is unknown.
    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(column)" : file
        return [position, path, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}

extension Diagnostic {
    /// `file` is not well-formed JSON.
    public static func malformedJSON(_ file: String, _ error: JSONParser.SyntaxError) -> Diagnostic {
        Diagnostic(file: file, line: error.line, column: error.column, path: "", problem: .malformedJSON(error.message))
    }

    /// The most specific human-readable reason Foundation gives for `error`.
    public static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedFailureReason ?? underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
