/// An esmsim command: its declared interface and what runs it.
protocol CommandLineCommand: Sendable {
    /// Name, operands, description and options: what the parser and the help read.
    static var definition: CommandDefinition { get }
    /// Runs the command on the words after its name and returns the exit code.
    static func main(_ words: [String]) throws(UsageError) -> ExitCode
}
