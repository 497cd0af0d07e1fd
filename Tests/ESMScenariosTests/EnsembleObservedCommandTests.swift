import XCTest
import Foundation

/// `compare --ensemble --observed` through the built binary: besides each member's
/// consistency it writes `observed-METRIC.csv` with one simulated column per member, in
/// the set's order, and their median, each column what `compare --observed --profile
/// MEMBER` writes for that member alone.
final class EnsembleObservedCommandTests: XCTestCase {
    func testEnsembleOverlayHasAColumnPerMemberAndTheMedian() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        let setPath = try EnsembleFixtures.threeMembers(in: folder)
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "small.json")
        // A falling lag every 10 s for three minutes; the scenario has no startTime, so it starts at the first point.
        var observed = "timestamp,OffsetLag\n"
        for step in 0..<18 { observed += String(format: "2026-11-02T08:%02d:%02d+00:00,%d\n", step / 6, step % 6 * 10, max(0, 6_000 - 400 * step)) }
        try BuiltCommand.write(observed, folder, "lag.csv")

        let compared = try BuiltCommand.run(["compare", "small.json", "--ensemble", setPath, "--observed", "lag.csv", "--out", "cmp"], in: folder)
        XCTAssertEqual(compared.status, 0, compared.errors)
        XCTAssertTrue(compared.output.contains("wrote cmp/observed-SumOffsetLag.csv\n"), compared.output)
        XCTAssertTrue(compared.output.contains("consistent with the observations"), compared.output)
        let overlay = try BuiltCommand.read(folder, "cmp/observed-SumOffsetLag.csv")
        let members = ["aws-2024", "aws-2021", "aws-2024-slow"]
        let lines = overlay.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "time_s,clock,observed_SumOffsetLag," + members.map { "simulated_SumOffsetLag:\($0)" }.joined(separator: ",") + ",simulated_SumOffsetLag_median")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, 18)
        XCTAssertEqual(rows.first?.prefix(3), ["0", "2026-11-02T08:00:00Z", "6000"])
        XCTAssertTrue(rows.allSatisfy { $0.count == 3 + members.count + 1 }, overlay)

        // Each member's column is its own run's overlay; the last column is their median.
        var columns: [[String]] = []
        for (index, member) in members.enumerated() {
            let profile = index == 2 ? "slow.json" : member
            let alone = try BuiltCommand.run(["compare", "small.json", "--profile", profile, "--observed", "lag.csv", "--out", "alone-\(index)"], in: folder)
            XCTAssertEqual(alone.status, 0, alone.errors)
            let single = try BuiltCommand.read(folder, "alone-\(index)/observed-SumOffsetLag.csv").split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",").map(String.init) }
            XCTAssertEqual(single.map { Array($0.prefix(3)) }, rows.map { Array($0.prefix(3)) }, member)
            XCTAssertEqual(rows.map { $0[3 + index] }, single.map { $0[3] }, member)
            columns.append(single.map { $0[3] })
        }
        XCTAssertGreaterThan(Set(columns).count, 1, "the members differ, so the columns are not one run repeated")
        for row in rows {
            let values = row[3..<(3 + members.count)].map { Double($0)! }.sorted()
            XCTAssertEqual(Double(row[3 + members.count])!, values[1], accuracy: 1e-9, row.joined(separator: ","))
        }
    }

    /// `--ensemble` with `--replications` is refused, exit 2, saying why and naming the
    /// members to run one by one with their own replications.
    func testEnsembleWithReplicationsSaysWhyAndWhatToRunInstead() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        try BuiltCommand.write(EnsembleFixtures.scenario, folder, "small.json")
        for command in ["run", "sweep"] {
            let refused = try BuiltCommand.run([command, "small.json", "--ensemble", "today", "--replications", "3"], in: folder)
            XCTAssertEqual(refused.status, 2, command)
            XCTAssertTrue(refused.errors.contains("--ensemble and --replications are not combined: the ensemble runs every member on the same seed"), refused.errors)
            XCTAssertTrue(refused.errors.contains("run each member of today (aws-2024, aws-2024-growth, aws-2024-eager) on its own: esmsim \(command) FILE --profile MEMBER --replications K"), refused.errors)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/Results"), "nothing written")
        }
        let one = try BuiltCommand.run(["run", "small.json", "--ensemble", "today", "--replications", "1", "--out", "once"], in: folder)
        XCTAssertEqual(one.status, 0, one.errors)
    }
}
