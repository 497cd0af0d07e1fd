import ESMScenarios

extension ProfileSet {
    /// Why `command --ensemble` refuses `--replications` and what to run instead.
    ///
    /// An ensemble runs every member on the same seed, so the range across members is the
    /// members' disagreement alone; averaging seeds per member would mix in seed-to-seed
    /// noise without saying how much, since the ensemble's files have no place for each
    /// member's confidence interval. Running each member with its own replications keeps
    /// both answers, each in the files made for it.
    func replicationsRefusal(command: String) -> UsageError {
        UsageError("""
            --ensemble and --replications are not combined: the ensemble runs every member on the same seed, \
            so its ranges show how the members disagree and nothing else, and its files have no place for \
            each member's seed-to-seed confidence interval. For both, run each member of \(name) \
            (\(memberNames.joined(separator: ", "))) on its own: esmsim \(command) FILE --profile MEMBER \
            --replications K (MEMBER a shipped profile's name or the member's profile file); \
            its confidence.csv gives that member's mean and 95 % interval
            """)
    }
}
