import ESMFormats

extension Console {
    /// Prints why a command could not go on and returns the usage exit code: a
    /// `DiagnosticError` as its positioned lines (`file:line:column: path: message`),
    /// anything else after the program's name.
    static func failure(_ error: any Error) -> ExitCode {
        if let diagnostics = error as? DiagnosticError {
            Console.error(diagnostics.description)
        } else {
            Console.error("esmsim: \(error)")
        }
        return .usage
    }
}
