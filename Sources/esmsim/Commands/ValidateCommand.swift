import ESMScenarios

/// `esmsim validate`: checks scenario files without running them.
enum ValidateCommand {
    static let usage = """
    USAGE: esmsim validate FILE...

    Checks each scenario file against the real service's field names and ranges and
    reports every problem found (exit code 2 if any).
    """

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(words, flags: [])
        if arguments.wantsHelp {
            Console.out(usage)
            return .success
        }
        try arguments.rejectUnknown(command: "validate")
        guard !arguments.positional.isEmpty else { throw UsageError("esmsim validate needs at least one scenario file") }
        var status = ExitCode.success
        for path in arguments.positional {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                if let profile = scenario.profileName {
                    do {
                        _ = try ProfileStore.load(profile)
                    } catch {
                        Console.error("\(path): profile: \(error.description)")
                        status = .usage
                        continue
                    }
                }
                Console.out("\(path): ok")
            } catch {
                Console.error(error.description)
                status = .usage
            }
        }
        return status
    }
}
