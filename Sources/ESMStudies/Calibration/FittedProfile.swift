import ESMModel

/// The profile a calibration writes: a new name, and each fitted constant's evidence
/// saying what it was fitted to, so the file carries its data's provenance.
public enum FittedProfile {
    /// `fit`'s profile named `name`, with the provenance of `observations` (read from
    /// `observationsFile`) in its summary and in every fitted constant's evidence.
    public static func named(
        _ fit: Calibrator.Fit, name: String, base: BehaviourProfile, observationsFile: String, observations: [Observation]
    ) -> BehaviourProfile {
        var profile = fit.profile
        profile.name = name
        var sources: [String] = []
        for observation in observations where !sources.contains(observation.source) && !observation.source.isEmpty {
            sources.append(observation.source)
        }
        let data = "\(observationsFile) (\(observations.count) observation\(observations.count == 1 ? "" : "s")"
            + (sources.isEmpty ? ")" : ": " + sources.joined(separator: "; ") + ")")
        profile.summary = "\(base.summary) Fitted by esmsim calibrate from \(base.name) to \(data)."
        let undetermined = Set(fit.undetermined.map(\.name))
        for index in profile.notes.indices where profile.notes[index].provenance == "fitted" {
            let note = profile.notes[index]
            let before = base.notes.first { $0.name == note.name }?.evidence ?? ""
            let prefix = undetermined.contains(note.name)
                ? "Not determined by \(observationsFile) (a 20 % move barely changes the fit): kept from \(base.name)."
                : "Fitted by esmsim calibrate to \(observationsFile), from \(base.name)."
            profile.notes[index].evidence = prefix + (before.isEmpty ? "" : " Before: " + before)
        }
        return profile
    }
}
