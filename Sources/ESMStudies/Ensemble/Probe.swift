/// A question the published figures leave open: a scenario, the summary metric to read,
/// the question in words and what a user could measure on their own ESM to answer it.
/// `esmsim fidelity --ensemble` runs every probe under every member and ranks the probes
/// by how much the members disagree.
public struct Probe: Sendable {
    /// The scenario file, resolved against the probe file's folder.
    public var scenarioPath: String
    /// The summary column read from the run (`drain_time_s`, ...).
    public var metric: String
    /// The question, in words.
    public var question: String
    /// What to measure on a real ESM to tell the members apart.
    public var measure: String
}
