import ESMStudies
import ESMFormats
import ESMScenarios
import Foundation

/// esmsim's entry point: dispatches to a command and exits with its code.
signal(SIGINT) { _ in
    TemporaryFiles.shared.removeAll()
    _exit(130)
}
signal(SIGTERM) { _ in
    TemporaryFiles.shared.removeAll()
    _exit(143)
}

exit(CommandTable.dispatch(Array(CommandLine.arguments.dropFirst())).rawValue)
