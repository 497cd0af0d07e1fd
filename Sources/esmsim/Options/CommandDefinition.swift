/// A command's interface, declared once: its name, what it takes, what it does and its
/// options. `Arguments` parses against it and `help` is rendered from it.
struct CommandDefinition: Sendable {
    /// The command's name (`run`).
    let name: String
    /// What follows the name besides options (`FILE...`), empty for nothing.
    let operands: String
    /// One line for the overview's command list.
    let summary: String
    /// What the command does, before the options in its help.
    let about: String
    /// Its options, in help order (`--help` and `--` are added by every command).
    let options: [OptionDefinition]

    /// The definition an option name (or a deprecated spelling of it) belongs to.
    func option(named name: String) -> OptionDefinition? {
        options.first { $0.name == name } ?? options.first { $0.deprecatedSpellings.contains(name) }
    }

    /// Every name the parser accepts, current spellings first.
    var acceptedNames: [String] { options.map(\.name) + options.flatMap(\.deprecatedSpellings) + ["help"] }
}
