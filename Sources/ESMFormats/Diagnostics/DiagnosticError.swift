/// Input that could not be accepted, with every problem found in it, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public var problems: [Diagnostic]

    /// An error of `problems`.
    public init(problems: [Diagnostic]) { self.problems = problems }

    /// An error of one problem.
    public init(_ problem: Diagnostic) { self.problems = [problem] }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
