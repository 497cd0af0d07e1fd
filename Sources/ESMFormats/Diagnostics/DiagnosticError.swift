/// Input that could not be accepted, with every problem found in it, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public var problems: [Diagnostic]

    /// An error of `problems`.
    public init(problems: [Diagnostic]) { self.problems = problems }

    /// An error of one problem.
    public init(_ problem: Diagnostic) { self.problems = [problem] }

    /// Whether every problem is a run that stopped (`Problem.runStopped`) rather than
    /// something wrong with the input.
    public var isRunFailure: Bool { !problems.isEmpty && problems.allSatisfy { if case .runStopped = $0.problem { true } else { false } } }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
