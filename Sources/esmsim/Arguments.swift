/// A command line split into positional arguments and `--option value` / `--flag` pairs,
/// with every problem reported as a usage error.
struct Arguments {
    private(set) var positional: [String] = []
    private var options: [(name: String, value: String?)] = []
    private var used: Set<String> = ["help"]

    /// Splits `words`; `flags` lists the options that take no value.
    init(_ words: [String], flags: Set<String>) throws(UsageError) {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "-h" || word == "--help" {
                options.append(("help", nil))
            } else if word.hasPrefix("--") {
                var name = String(word.dropFirst(2))
                var value: String?
                if let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                } else if !flags.contains(name) {
                    guard index + 1 < words.count else { throw UsageError("--\(name) needs a value") }
                    index += 1
                    value = words[index]
                }
                options.append((name, value))
            } else {
                positional.append(word)
            }
            index += 1
        }
    }

    /// The arguments of a command, or nil once `usage` has been printed because `--help`
    /// was asked for.
    static func forCommand(_ words: [String], flags: Set<String>, usage: String) throws(UsageError) -> Arguments? {
        let arguments = try Arguments(words, flags: flags)
        if arguments.wantsHelp {
            Console.out(usage)
            return nil
        }
        return arguments
    }

    /// Whether `--help` was given.
    var wantsHelp: Bool { options.contains { $0.name == "help" } }

    /// The value of `--name`, if given (the last one wins).
    mutating func value(_ name: String) -> String? {
        used.insert(name)
        return options.last { $0.name == name }?.value
    }

    /// Whether the flag `--name` was given.
    mutating func flag(_ name: String) -> Bool {
        used.insert(name)
        return options.contains { $0.name == name }
    }

    /// `--name` as a whole number within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int64>) throws(UsageError) -> Int64? {
        guard let text = value(name) else { return nil }
        guard let number = Int64(text), range.contains(number) else {
            throw UsageError("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    /// `--name` as a positive number.
    mutating func positiveNumber(_ name: String) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number > 0, number.isFinite else {
            throw UsageError("--\(name) must be a positive number, not \"\(text)\"")
        }
        return number
    }

    /// Fails on any option the command did not ask about.
    func rejectUnknown(command: String) throws(UsageError) {
        for option in options where !used.contains(option.name) {
            throw UsageError("esmsim \(command) has no option --\(option.name) (see esmsim \(command) --help)")
        }
    }
}

/// A usage mistake: reported on stderr with exit code 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
