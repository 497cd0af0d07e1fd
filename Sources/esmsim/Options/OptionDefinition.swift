/// One option a command accepts, declared once: the parser, the value checks and the help
/// text all read this, so the help cannot list an option the parser refuses or miss one it
/// accepts.
struct OptionDefinition: Sendable {
    /// What follows the option on the command line.
    enum Value: Sendable {
        /// No value: the option is a switch.
        case flag
        /// Any text, shown in the help as `placeholder`.
        case text(_ placeholder: String)
        /// A whole number within `range`, measured in `unit` (empty for a plain count).
        case whole(_ placeholder: String, unit: String, range: ClosedRange<Int64>)
        /// A number within `range` (`positive` excludes 0 from a range starting at 0), measured in `unit`.
        case number(_ placeholder: String, unit: String, range: ClosedRange<Double>, positive: Bool)
    }

    /// The name without dashes, as users type it after `--`.
    let name: String
    /// What value it takes.
    let value: Value
    /// What it does, one line or more (later lines are indented under the first).
    let help: String
    /// What applies when it is not given, shown as `(default: ...)`; nil when there is none
    /// worth saying.
    let defaultText: String?
    /// Old spellings still accepted, each with a warning on stderr naming `name`.
    let deprecatedSpellings: [String]

    init(_ name: String, _ value: Value, _ help: String, default defaultText: String? = nil, deprecated: [String] = []) {
        self.name = name
        self.value = value
        self.help = help
        self.defaultText = defaultText
        self.deprecatedSpellings = deprecated
    }

    /// A positive number of `unit` (seconds, milliseconds, bytes...).
    static func positive(_ name: String, _ placeholder: String, unit: String, _ help: String, default defaultText: String? = nil, deprecated: [String] = []) -> OptionDefinition {
        OptionDefinition(name, .number(placeholder, unit: unit, range: 0...Double.greatestFiniteMagnitude, positive: true), help, default: defaultText, deprecated: deprecated)
    }

    /// Whether the option takes no value.
    var isFlag: Bool {
        if case .flag = value { return true }
        return false
    }

    /// The option as the help's left column shows it: `--out DIR`.
    var synopsis: String { synopsis(as: name) }

    /// The option spelt `spelling`, with its value's placeholder.
    func synopsis(as spelling: String) -> String {
        switch value {
        case .flag: return "--\(spelling)"
        case .text(let placeholder), .whole(let placeholder, _, _), .number(let placeholder, _, _, _): return "--\(spelling) \(placeholder)"
        }
    }
}
