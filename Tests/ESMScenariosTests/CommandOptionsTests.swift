import XCTest
import Foundation
@testable import ESMScenarios
import ESMModel
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMCharts
@testable import EventEngine

/// The command line's conventions, end to end through the built binary: help generated
/// from the options the parser accepts, `help COMMAND`, `--version`, `--`, unknown-option
/// errors, the scenario files' spellings as flags, and the same units everywhere.
final class CommandOptionsTests: XCTestCase {
    func esmsim(_ arguments: [String], in folder: String? = nil) throws -> BuiltCommand.Outcome {
        try BuiltCommand.run(arguments, in: folder ?? NSTemporaryDirectory())
    }

    /// The command names the overview lists.
    func commandNames() throws -> [String] {
        let overview = try esmsim(["help"]).output
        let section = overview.components(separatedBy: "COMMANDS:\n")[1].components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").compactMap { line in
            line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
        }.filter { $0 != "help" && $0 != "version" }
    }

    /// The options a help text lists in its left column, with whether each takes a value.
    func listedOptions(_ help: String) -> [(name: String, takesValue: Bool)] {
        help.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  --"), !line.hasPrefix("  -- ") else { return nil }
            let words = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: true)
            let name = String(words[0].dropFirst(2))
            let takesValue = words.count > 1 && words[1].first?.isUppercase == true
            return (name, takesValue)
        }
    }

    func testEveryListedOptionIsAcceptedAndEveryReadOptionIsListed() throws {
        let commands = try commandNames()
        XCTAssertEqual(commands.count, 12, "\(commands)")
        var listedAnywhere: Set<String> = []
        for command in commands {
            let help = try esmsim(["help", command])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.output.hasPrefix("USAGE: esmsim \(command)"), help.output)
            XCTAssertEqual(try esmsim([command, "--help"]).output, help.output, "help \(command) and \(command) --help agree")
            let listed = listedOptions(help.output)
            for option in listed {
                listedAnywhere.insert(option.name)
                // Parsing stops at --help, so this checks the parser knows the option without running anything.
                let arguments = [command, "--\(option.name)"] + (option.takesValue ? ["1"] : []) + ["--help"]
                let outcome = try esmsim(arguments)
                XCTAssertEqual(outcome.status, 0, "esmsim \(command) lists --\(option.name) but refuses it: \(outcome.errors)")
            }
            let refused = try esmsim([command, "--no-such-option"])
            XCTAssertEqual(refused.status, 2)
            XCTAssertTrue(refused.errors.contains("unknown option --no-such-option for esmsim \(command)"), refused.errors)
        }
        // Every option a command's code reads must be declared, so listed: the parser rejects
        // undeclared options, and reading one traps, but a path no test takes would hide it.
        for (file, name) in try optionsReadInSources() {
            XCTAssertTrue(listedAnywhere.contains(name), "\(file) reads --\(name), which no help lists")
        }
    }

    /// `(file, option)` for every `arguments.value/flag/integer/number("...")` in the CLI's sources.
    func optionsReadInSources() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: RepositoryPaths.root + "/Sources/esmsim")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let pattern = try NSRegularExpression(pattern: #"\b(?:arguments\.)?(?:value|flag|integer|number)\("([A-Za-z][A-Za-z-]*)"\)"#)
        var found: [(String, String)] = []
        for file in files.sorted() {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append((file, String(text[Range(match.range(at: 1), in: text)!])))
            }
        }
        XCTAssertGreaterThan(found.count, 40, "the scan finds the commands' options")
        return found
    }

    func testHelpCommandVersionAndUnknownCommand() throws {
        let run = try esmsim(["help", "run"])
        XCTAssertTrue(run.output.hasPrefix("USAGE: esmsim run FILE... [OPTIONS]"), run.output)
        XCTAssertFalse(run.output.contains("COMMANDS:"), "help COMMAND prints that command's help, not the overview")
        let unknown = try esmsim(["help", "runn"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.errors.contains("unknown command \"runn\"; did you mean run?"), unknown.errors)
        for words in [["--version"], ["version"]] {
            let version = try esmsim(words)
            XCTAssertEqual(version.status, 0)
            XCTAssertEqual(version.output, "esmsim \(ESMSimVersion.current)\n")
        }
        XCTAssertTrue(try esmsim(["help"]).output.contains("esmsim \(ESMSimVersion.current):"))
    }

    func testUnknownOptionIsNamedNotTakenForAMissingValue() throws {
        let outcome = try esmsim(["run", "a.json", "--outt"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.errors, "esmsim: unknown option --outt for esmsim run; did you mean --out? (see esmsim help run)\n")
        let single = try esmsim(["validate", "-x", "a.json"])
        XCTAssertTrue(single.errors.contains("unknown option -x for esmsim validate"), single.errors)
        let missing = try esmsim(["run", "a.json", "--seed"])
        XCTAssertTrue(missing.errors.contains("--seed needs a value (--seed N)"), missing.errors)
        let flagValue = try esmsim(["run", "a.json", "--charts=yes"])
        XCTAssertTrue(flagValue.errors.contains("--charts takes no value"), flagValue.errors)
    }

    func testSeedFlagTakesTheSameRangeAsScenarioFiles() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(ScenarioJSON.text(), folder, "s.json")
        let largest = try esmsim(["run", "s.json", "--seed", "9007199254740992", "--horizonSeconds", "10", "--out", "out"], in: folder)
        XCTAssertEqual(largest.status, 0, largest.errors)
        let beyond = try esmsim(["run", "s.json", "--seed", "9007199254740993", "--horizonSeconds", "10", "--out", "out2"], in: folder)
        XCTAssertEqual(beyond.status, 2, beyond.errors)
        XCTAssertTrue(beyond.errors.contains("--seed"), beyond.errors)
    }

    func testDoubleDashEndsOptions() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(ScenarioJSON.text(), folder, "-odd.json")
        let refused = try esmsim(["validate", "-odd.json"], in: folder)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.errors.contains("unknown option -odd.json"), refused.errors)
        let accepted = try esmsim(["validate", "--", "-odd.json"], in: folder)
        XCTAssertEqual(accepted.status, 0, accepted.errors)
        XCTAssertEqual(accepted.output, "-odd.json: ok\n")
    }

    func testCostTakesTheScenarioFilesSpellingsAndWarnsOnOldOnes() throws {
        let new = try esmsim(["cost", "--recordsPerSecond", "500", "--recordSizeBytes", "3000", "--partitions", "4", "--durationMs", "200",
                              "--memoryMB", "1024", "--BatchSize", "100", "--MaximumBatchingWindowInSeconds", "0.5", "--pollers", "1", "--esms", "10", "--days", "30"])
        XCTAssertEqual(new.status, 0, new.errors)
        XCTAssertEqual(new.errors, "", "the scenario's names draw no warning")
        let old = try esmsim(["cost", "--records-per-second", "500", "--record-size", "3000", "--partitions", "4", "--duration-ms", "200",
                              "--memory", "1024", "--batch-size", "100", "--window", "0.5", "--pollers", "1", "--esms", "10", "--days", "30"])
        XCTAssertEqual(old.status, 0, old.errors)
        XCTAssertEqual(old.output, new.output, "an old spelling means the same setting")
        for (was, now) in [("records-per-second", "recordsPerSecond"), ("memory", "memoryMB"), ("batch-size", "BatchSize"), ("window", "MaximumBatchingWindowInSeconds")] {
            XCTAssertTrue(old.errors.contains("warning: --\(was) is an old spelling; use --\(now)"), old.errors)
        }
        // The documentation's grouping example: ten ESMs on ten EPUs, over 30 days and over a 730-hour month.
        XCTAssertTrue(new.output.contains("Over 30 days (720 hours):"), new.output)
        XCTAssertTrue(new.output.contains("$1,332.00"), new.output)
        let month = try esmsim(["cost", "--recordsPerSecond", "500", "--recordSizeBytes", "3000", "--partitions", "4", "--durationMs", "200",
                                "--memoryMB", "1024", "--pollers", "1", "--esms", "10"])
        XCTAssertTrue(month.output.contains("Over a month (730 hours"), month.output)
        XCTAssertTrue(month.output.contains("7,300 EPU-hours") && month.output.contains("$1,350.50"), month.output)
        // The 30-day estimate's month line is the month's own total.
        let monthTotal = try XCTUnwrap(month.output.split(separator: "\n").last?.split(separator: " ").last)
        let perMonth = try XCTUnwrap(new.output.split(separator: "\n").first { $0.contains("per month") })
        XCTAssertTrue(perMonth.hasSuffix(" " + monthTotal), "\(perMonth) against \(monthTotal)")
        XCTAssertTrue(month.output.contains("provisioned, 1 poller per ESM"), month.output)
    }

    func testCompareOutIsAFolderAndUntilIsInSeconds() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(SweepTests.scenario, folder, "small.json")
        let outcome = try esmsim(["compare", "small.json", "--out", "charts", "--until", "90"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        let svg = try BuiltCommand.read(folder, "charts/comparison.svg")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/charts/report.html"))
        let scenario = try ScenarioLoader.load(path: folder + "/small.json")
        let result = ScenarioRunner.run(scenario, profile: try ScenarioRunner.profile(for: scenario, options: .init()), options: .init())
        XCTAssertEqual(svg, ComparisonChart.figure(for: [result], title: "Comparison of 1 scenario", until: Ticks.seconds(90)).svg(),
                       "--until 90 shows 90 seconds")
        let file = try esmsim(["compare", "small.json", "--out", "chart.svg"], in: folder)
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.errors.contains("--out is the output folder"), file.errors)
    }

    func testSummarySaysVersionProfileHashAndMonthlyCost() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(SweepTests.scenario, folder, "small.json")
        XCTAssertEqual(try esmsim(["run", "small.json", "--out", "out"], in: folder).status, 0)
        let lines = try BuiltCommand.read(folder, "out/small/summary.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let row = Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]))
        // New columns go at the end: these three, then the EventCount metrics added after them.
        XCTAssertEqual(Array(lines[0].dropLast(EventCounts.columnNames.count).suffix(3)), ["monthly_cost_usd", "esmsim_version", "profile_hash"])
        XCTAssertEqual(Array(lines[0].suffix(EventCounts.columnNames.count)), EventCounts.columnNames)
        XCTAssertEqual(row["esmsim_version"], ESMSimVersion.current)
        let profile = try ProfileStore.load("aws-2024")
        XCTAssertEqual(row["profile_hash"], ProfileStore.hash(profile))
        XCTAssertEqual(row["profile_hash"]?.count, 12)
        XCTAssertTrue(try esmsim(["profiles", "aws-2024"]).output.hasPrefix("aws-2024 (hash \(row["profile_hash"]!)):"))
        // Without a free tier the month is the run's cost times 730 hours over the simulated span.
        let total = try XCTUnwrap(Double(row["total_cost_usd"]!)), end = try XCTUnwrap(Double(row["end_time_s"]!))
        // total_cost_usd is written to the micro-dollar: its rounding, scaled to the month, bounds the difference.
        let monthScale = 730 * 3_600 / end
        XCTAssertEqual(try XCTUnwrap(Double(row["monthly_cost_usd"]!)), total * monthScale, accuracy: 0.5e-6 * monthScale + 1e-6)

        // A profile that differs in one constant has another hash.
        var changed = profile
        changed.throttleRetrySeconds += 1
        XCTAssertNotEqual(ProfileStore.hash(changed), ProfileStore.hash(profile))
        try BuiltCommand.write(ProfileStore.render(changed), folder, "changed.json")
        XCTAssertEqual(try esmsim(["run", "small.json", "--out", "changed", "--profile", "changed.json"], in: folder).status, 0)
        let changedLines = try BuiltCommand.read(folder, "changed/small/summary.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: zip(changedLines[0], changedLines[1]))["profile_hash"], ProfileStore.hash(changed))
    }

    func testMoneyAndPlurals() {
        XCTAssertEqual(MoneyFormat.dollars(1_332), "$1,332.00")
        XCTAssertEqual(MoneyFormat.dollars(1_234_567.891), "$1,234,567.89")
        XCTAssertEqual(MoneyFormat.dollars(999.995), "$1,000.00")
        XCTAssertEqual(MoneyFormat.dollars(0.0042), "$0.0042")
        XCTAssertEqual(MoneyFormat.dollars(0), "$0.00")
        XCTAssertEqual(MoneyFormat.dollars(-1_234.5), "-$1,234.50")
        XCTAssertEqual(Plural.count(1, "poller"), "1 poller")
        XCTAssertEqual(Plural.count(2, "batch"), "2 batches")
        XCTAssertEqual(Plural.count(3, "retry"), "3 retries")
        XCTAssertEqual(Plural.count(12_000, "record"), "12,000 records")
        XCTAssertEqual(Plural.unit("pollers", after: "1"), "poller")
        XCTAssertEqual(Plural.unit("pollers", after: "10"), "pollers")
        XCTAssertEqual(Plural.unit("batches", after: "1"), "batch")
        XCTAssertEqual(Plural.unit("retries", after: "1"), "retry")
        XCTAssertEqual(Plural.unit("bytes/s", after: "1"), "byte/s")
        XCTAssertEqual(Plural.unit("s", after: "1"), "s")
    }
}

extension CommandOptionsTests {
    /// The install story as written: the README's build and copy step, and a workflow pinned
    /// to this version's tag that caches the binary. (That the copied binary runs alone is
    /// `InterruptAndOutputTests.testBinaryCopiedAloneRuns`.)
    func testTheInstallStoryIsWritten() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8)
        XCTAssertTrue(readme.contains("swift build -c release\ninstall .build/release/esmsim /usr/local/bin/\n"), "the README shows the build and one copy step")
        let workflow = try String(contentsOfFile: RepositoryPaths.root + "/Scripts/github-actions-example.yml", encoding: .utf8)
        XCTAssertTrue(workflow.contains("ESMSIM_TAG: v\(ESMSimVersion.current) "), "pinned to the tag of this version")
        XCTAssertTrue(workflow.contains("--branch \"$ESMSIM_TAG\""), "built at that tag")
        XCTAssertTrue(workflow.contains("uses: actions/cache@v4") && workflow.contains("key: esmsim-${{ env.ESMSIM_TAG }}"), "binary cached by tag")
        XCTAssertTrue(workflow.contains("if: steps.cache.outputs.cache-hit != 'true'"), "no rebuild on a cache hit")
    }
}
