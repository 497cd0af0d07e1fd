import ESMStudies
import ESMFormats
import ESMModel
import ESMScenarios

/// `esmsim calibrate`: fits a profile's fitted constants to observations.
enum CalibrateCommand: CommandLineCommand {
    static let definition = CommandDefinition(
        name: "calibrate", operands: "",
        summary: "fit a profile's constants to observations",
        about: """
        Fits the constants the profile marks as "fitted" to the observations (CSV with the
        header scenario,metric,observed,tolerance,profile,source) by a deterministic pattern
        search, prints the fitted constants and each observation's residual, and writes the
        fitted profile as DIR/<profile>-fitted.json.

        Metrics: drain_time_s, time_to_max_concurrency_s, max_concurrency, peak_offset_lag,
        mean_offset_lag, processed_total@SECONDS, concurrency_max_until@SECONDS,
        scale_down_after_drain_s.

        Exit codes: 0 every residual within its tolerance; 1 the fitted profile is written but
        at least one residual is outside its tolerance (marked in the table), or the file could
        not be written; 2 bad input or usage.
        """,
        options: [
            OptionDefinition("profile", .text("NAME|FILE"), "the profile to fit (required)"),
            OptionDefinition("observations", .text("FILE.csv"), "the observations (required)"),
            OptionDefinition("out", .text("DIR"), "output folder for <profile>-fitted.json", default: "Results"),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        guard let profileName = arguments.value("profile") else { throw UsageError("esmsim calibrate needs --profile (see esmsim help calibrate)") }
        guard let observationsPath = arguments.value("observations") else { throw UsageError("esmsim calibrate needs --observations (see esmsim help calibrate)") }
        let folder = try OutputPath.folder(arguments.value("out")) ?? "Results"
        if folder.hasSuffix(".json") { throw UsageError("--out is the output folder (<profile>-fitted.json is written inside it), not a file: \(folder)") }
        guard arguments.positional.isEmpty else { throw UsageError("esmsim calibrate takes no positional arguments") }
        do {
            let profile = try ProfileStore.load(profileName)
            let observations = try ObservationFile.load(path: observationsPath)
            let calibrator = try Calibrator(observations: observations, profileName: profile.name)
            let fit = try calibrator.fit(profile) { Console.error($0) }
            Console.out("Fitted constants of \(profile.name) (\(fit.evaluations) candidate profiles simulated):")
            for constant in ProfileConstant.catalog where profile.notes.contains(where: { $0.name == constant.name && $0.provenance == "fitted" }) {
                let before = ProfileStore.formatValue(profile[keyPath: constant.keyPath])
                let after = ProfileStore.formatValue(fit.profile[keyPath: constant.keyPath])
                Console.out("  \(constant.name) = \(after) \(Plural.unit(constant.unit, after: after))\(before == after ? "" : "  (was \(before))")")
            }
            Console.out("")
            Console.out(FidelityReport.table(fit.residuals))
            let out = "\(folder)/\(profile.name)-fitted.json"
            try AtomicFile.write(ProfileStore.render(fit.profile), to: out)
            Console.out("\nwrote \(out)")
            return fit.residuals.allSatisfy(\.withinTolerance) ? .success : .failure
        } catch let error as AtomicFile.WriteError {
            Console.error("esmsim: \(error.description)")
            return .failure
        } catch {
            Console.error("esmsim: \(error)")
            return .usage
        }
    }
}
