import ESMStudies
import ESMFormats
import ESMScenarios
import Foundation

/// esmsim's entry point: dispatches to a command and exits with its code.
InterruptHandlers.install()

exit(CommandTable.dispatch(Array(CommandLine.arguments.dropFirst())).rawValue)
