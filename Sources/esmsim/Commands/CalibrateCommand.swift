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
        fitted profile under a new name (--name, default <profile>-fitted) as DIR/NAME.json,
        each fitted constant's evidence naming the observations it was fitted to. Constants
        the data cannot determine (moving one 20 % either way changes the objective by less
        than 0.01, or 1 % of it) are listed and keep their value.

        The search is local: from the profile's values it moves one constant at a time
        while that improves the fit. --restarts N also restarts it from the result with
        each fitted constant moved 20 % either way, up to N times, taking any restart
        that ends better: a closer fit where constants trade off, at tens of times the cost.

        Figures: drain_time_s, time_to_max_concurrency_s, max_concurrency, peak_offset_lag,
        mean_offset_lag, processed_total@SECONDS, concurrency_max_until@SECONDS, offset_lag@SECONDS,
        scale_down_after_drain_s, caught_up_time_s, offset_lag_p50, offset_lag_p95, offset_lag_p99.
        Series: a CloudWatch metric name (OffsetLag, OffsetLag:Max, SumOffsetLag, MaxOffsetLag,
        ConcurrentExecutions, ProvisionedPollers, Invocations, Throttles) with the series file
        as the observed value (get-metric-data JSON, #Id to choose results, or timestamp,value
        CSV; relative to the observations file) and the accepted error per point as the
        tolerance; the series is placed on the scenario's startTime clock.

        Exit codes: 0 every residual within its tolerance; 1 the fitted profile is written but
        at least one residual is outside its tolerance (marked in the table), or the file could
        not be written; 2 bad input or usage.
        """,
        options: [
            OptionDefinition("profile", .text("NAME|FILE"), "the profile to fit (required)"),
            OptionDefinition("observations", .text("FILE.csv"), "the observations (required)"),
            OptionDefinition("name", .text("NAME"), "the fitted profile's name and file name", default: "<profile>-fitted"),
            OptionDefinition("out", .text("DIR"), "output folder for NAME.json", default: "Results"),
            OptionDefinition("restarts", .whole("N", unit: "", range: 0...1_000), "most restarts of the search that may improve the fit", default: "0"),
        ])

    static func main(_ words: [String]) throws(UsageError) -> ExitCode {
        guard let arguments = try Arguments.forCommand(words, definition) else { return .success }
        guard let profileName = arguments.value("profile") else { throw UsageError("esmsim calibrate needs --profile (see esmsim help calibrate)") }
        guard let observationsPath = arguments.value("observations") else { throw UsageError("esmsim calibrate needs --observations (see esmsim help calibrate)") }
        let folder = try OutputPath.folder(arguments.value("out")) ?? "Results"
        if folder.hasSuffix(".json") { throw UsageError("--out is the output folder (NAME.json is written inside it), not a file: \(folder)") }
        let explicitName = arguments.value("name")
        let restarts = Int(try arguments.integer("restarts") ?? 0)
        guard arguments.positional.isEmpty else { throw UsageError("esmsim calibrate takes no positional arguments") }
        do {
            let profile = try ProfileStore.load(profileName)
            let observations = try ObservationFile.load(path: observationsPath)
            let calibrator = try Calibrator(observations: observations, profile: profile)
            var fit = try calibrator.fit(profile, restarts: restarts) { Console.error($0) }
            let name = explicitName ?? "\(profile.name)-fitted"
            fit.profile = FittedProfile.named(fit, name: name, base: profile, observationsFile: observationsPath, observations: observations)
            Console.out("Fitted constants of \(profile.name) as \(name) (\(fit.evaluations) candidate profiles simulated):")
            for constant in Calibrator.fittedConstants(of: profile) {
                let before = ProfileStore.formatValue(profile[keyPath: constant.keyPath])
                let after = ProfileStore.formatValue(fit.profile[keyPath: constant.keyPath])
                Console.out("  \(constant.name) = \(after) \(Plural.unit(constant.unit, after: after))\(before == after ? "" : "  (was \(before))")")
            }
            if !fit.undetermined.isEmpty {
                Console.out("Not determined by these observations (a 20 % move changes the objective by less than \(CSVFormat.decimal(max(Calibrator.undeterminedChange, fit.objective * Calibrator.undeterminedChange), places: 4))):")
                for item in fit.undetermined {
                    Console.out("  \(item.name) (objective moves by \(CSVFormat.decimal(item.objectiveChange, places: 4)))")
                }
            }
            Console.out("")
            Console.out(FidelityReport.table(fit.residuals))
            let out = "\(folder)/\(name).json"
            try AtomicFile.write(ProfileStore.render(fit.profile), to: out)
            Console.out("\nwrote \(out)")
            return fit.residuals.allSatisfy(\.withinTolerance) ? .success : .failure
        } catch let error as AtomicFile.WriteError {
            Console.error("esmsim: \(error.description)")
            return .failure
        } catch {
            return Console.failure(error)
        }
    }
}
