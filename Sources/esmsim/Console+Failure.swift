import ESMFormats

extension Console {
    /// Prints why a command could not go on and returns its exit code: a
    /// `DiagnosticError` as its positioned lines (`file:line:column: path: message`),
    /// anything else after the program's name. The code is the usage error's, except for
    /// runs that stopped (`DiagnosticError.isRunFailure`), which failed, not the input.
    static func failure(_ error: any Error) -> ExitCode {
        if let diagnostics = error as? DiagnosticError {
            Console.error(diagnostics.description)
            if diagnostics.isRunFailure { return .failure }
        } else {
            Console.error("esmsim: \(error)")
        }
        return .usage
    }
}
