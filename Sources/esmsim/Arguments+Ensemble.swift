import ESMScenarios

extension Arguments {
    /// The profile set `--ensemble` names, loaded and checked; nil without the option.
    func ensemble() throws(UsageError) -> ProfileSet? {
        guard let reference = value("ensemble") else { return nil }
        if command.options.contains(where: { $0.name == "profile" }), value("profile") != nil { throw UsageError("--profile and --ensemble both choose the profiles to run; give one of them") }
        do {
            return try ProfileSet.load(reference)
        } catch {
            throw UsageError("--ensemble \(reference):\n\(error.description)")
        }
    }
}
