import ESMFormats

/// A command line split, against its command's definition, into positional arguments and
/// `--option value` / `--flag` pairs, with every problem reported as a usage error.
///
/// Options are known before parsing, so an unknown one is named as such (with the nearest
/// known spelling) rather than taken for a value, and `--` ends the options.
struct Arguments {
    /// The command parsed against.
    let command: CommandDefinition
    /// Words that are not options, in order.
    private(set) var positional: [String] = []
    /// Options given, under their current names; the last of a repeated one wins.
    private var options: [(name: String, value: String?)] = []
    /// Whether `--help` or `-h` was given.
    private(set) var wantsHelp = false

    /// Splits `words` against `command`'s options; a deprecated spelling is accepted with a
    /// warning on stderr.
    init(_ words: [String], command: CommandDefinition) throws(UsageError) {
        self.command = command
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") || Double(word) != nil {
                positional.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else if word == "-h" || word == "--help" {
                wantsHelp = true
            } else {
                var name = String(word.drop { $0 == "-" })
                var value: String?
                if let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard word.hasPrefix("--"), let definition = command.option(named: name) else { throw unknownOption(word, name: name) }
                if definition.name != name {
                    Console.error("esmsim: warning: --\(name) is an old spelling; use --\(definition.name) (the scenario file's name)")
                }
                if definition.isFlag {
                    if value != nil { throw UsageError("--\(definition.name) takes no value") }
                } else if value == nil {
                    guard index < words.count else { throw UsageError("--\(definition.name) needs a value (\(definition.synopsis))") }
                    value = words[index]
                    index += 1
                }
                options.append((definition.name, value))
            }
        }
    }

    /// The arguments of a command, or nil once its help has been printed because `--help`
    /// was asked for.
    static func forCommand(_ words: [String], _ command: CommandDefinition) throws(UsageError) -> Arguments? {
        let arguments = try Arguments(words, command: command)
        if arguments.wantsHelp {
            Console.out(command.help)
            return nil
        }
        return arguments
    }

    /// The error for an option the command does not have, naming the closest one it has.
    private func unknownOption(_ word: String, name: String) -> UsageError {
        let hint = SpellingSuggestion.closest(to: name, in: command.acceptedNames).map { "; did you mean --\($0)?" } ?? ""
        return UsageError("unknown option \(word) for esmsim \(command.name)\(hint) (see esmsim help \(command.name))")
    }

    /// The declaration of `name`; reading an option the command does not declare is a
    /// programming error (declare it in the command's definition).
    private func definition(_ name: String) -> OptionDefinition {
        guard let found = command.options.first(where: { $0.name == name }) else {
            preconditionFailure("esmsim \(command.name) reads --\(name) without declaring it in its CommandDefinition")
        }
        return found
    }

    /// The value of `--name`, if given (the last one wins).
    func value(_ name: String) -> String? {
        _ = definition(name)
        return options.last { $0.name == name }?.value ?? nil
    }

    /// Whether the flag `--name` was given.
    func flag(_ name: String) -> Bool {
        precondition(definition(name).isFlag, "--\(name) is declared with a value, not as a flag")
        return options.contains { $0.name == name }
    }

    /// `--name` as a whole number within its declared range.
    func integer(_ name: String) throws(UsageError) -> Int64? {
        guard case .whole(_, let unit, let range) = definition(name).value else { preconditionFailure("--\(name) is not declared as a whole number") }
        guard let text = value(name) else { return nil }
        guard let number = Int64(text), range.contains(number) else {
            let upper = range.upperBound == Int64.max ? "" : String(range.upperBound)
            throw UsageError("--\(name) must be a whole number\(unit.isEmpty ? "" : " of " + unit) in \(range.lowerBound)...\(upper), not \"\(text)\"")
        }
        return number
    }

    /// `--name` as a number within its declared range.
    func number(_ name: String) throws(UsageError) -> Double? {
        guard case .number(_, let unit, let range, let positive) = definition(name).value else { preconditionFailure("--\(name) is not declared as a number") }
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number), !(positive && number <= 0) else {
            let what = positive && range.upperBound == .greatestFiniteMagnitude
                ? "a positive number" : "a number in \(FieldReader.format(range.lowerBound))...\(FieldReader.format(range.upperBound))"
            throw UsageError("--\(name) must be \(what)\(unit.isEmpty ? "" : " of " + unit), not \"\(text)\"")
        }
        return number
    }
}

/// A usage mistake: reported on stderr with exit code 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
