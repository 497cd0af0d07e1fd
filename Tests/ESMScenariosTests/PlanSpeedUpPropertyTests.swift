import XCTest
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMStudies

/// The plan's speed-ups (runs stopped once they miss, the producer schedule decoded once)
/// change no answer: over random plans, the pick and every figure of every configuration
/// that meets the target are those of the same search without them, and of an exhaustive
/// search (every setting simulated to its end). The exhaustive search may pick another
/// configuration only where the two tie on cost and drain time: the poller search skips
/// settings once more pollers stop shortening the drain, and a tie goes to the one met first.
final class PlanSpeedUpPropertyTests: XCTestCase {
    /// A random workload: a backlog, traffic (a constant rate or a schedule long enough to
    /// be shared), or both.
    static func workload(_ random: inout TestRandom) -> String {
        let backlog = random.chance(0.7) ? random.int(500...20_000) : 0
        var producer = ""
        switch backlog == 0 ? random.int(1...2) : random.int(0...2) {
        case 1:
            producer = #", "producer": {"recordsPerSecond": \#(random.int(50...2_000)), "durationSeconds": \#(random.int(5...60))}"#
        case 2:
            let pieces = (0..<random.int(64...90)).map { second in
                #"{"startSeconds": \#(second), "durationSeconds": 1, "recordsPerSecond": \#(random.int(0...3_000))}"#
            }
            producer = #", "producer": {"schedule": [\#(pieces.joined(separator: ", "))]}"#
        default:
            break
        }
        return #"{"name": "w", "horizonSeconds": \#(random.int(200...600)), "topic": {"partitions": \#(random.int(1...6)), "backlogRecords": \#(backlog)}\#(producer), "function": {"durationMs": \#(random.int(5...200))}, "eventSourceMapping": {"BatchSize": 100, "ProvisionedPollerConfig": {"MinimumPollers": 1}}}"#
    }

    /// A random target of one to three limits.
    static func target(_ random: inout TestRandom) -> String {
        var limits: [String] = []
        while limits.isEmpty {
            if random.chance(0.6) { limits.append(#""maxDrainSeconds": \#(random.int(10...200))"#) }
            if random.chance(0.5) { limits.append(#""maxPeakOffsetLag": \#(random.int(100...20_000))"#) }
            if random.chance(0.3) { limits.append(#""maxRecordAgeP99Seconds": \#(random.int(1...60))"#) }
        }
        return "{" + limits.joined(separator: ", ") + "}"
    }

    /// A random space over both modes, the poller bounds, batching and memory.
    static func space(_ random: inout TestRandom) -> String {
        let some = { (values: [Int], random: inout TestRandom) -> String in
            let chosen = values.filter { _ in random.chance(0.6) }
            return "[" + (chosen.isEmpty ? [values[0]] : chosen).map(String.init).joined(separator: ", ") + "]"
        }
        let modes = random.chance(0.7) ? #"["on-demand", "provisioned"]"# : #"["provisioned"]"#
        return #"{"mode": \#(modes), "MinimumPollers": \#(some([1, 2, 3, 4, 6], &random)), "MaximumPollers": \#(some([2, 4, 6, 8], &random)), "BatchSize": \#(some([10, 100, 500], &random)), "MaximumBatchingWindowInSeconds": \#(some([0, 1], &random)), "memoryMB": [128, 512]}"#
    }

    func testSpeedUpsChangeNeitherThePickNorAnyFigureOfAConfigurationMeetingTheTarget() throws {
        let folder = try BuiltCommand.temporaryFolder(self)
        var random = TestRandom(seed: 2_611)
        var stopped = 0
        var meeting = 0
        var simulations = (pruned: 0, exhaustive: 0)
        for trial in 0..<LongTest.cases(optimized: 100, debug: 3) {
            let text = #"{"workload": \#(Self.workload(&random)), "target": \#(Self.target(&random)), "space": \#(Self.space(&random))}"#
            try BuiltCommand.write(text, folder, "plan-\(trial).json")
            let plan = try CapacityPlan.load(path: folder + "/plan-\(trial).json")
            let fast = PlanReport(plan: plan, outcome: try CapacityPlanner.search(plan, options: .init(), pricing: PlanTests.pricing))
            var unshared = plan
            unshared.template.shared = nil
            let slow = PlanReport(plan: plan, outcome: try CapacityPlanner.search(unshared, options: .init(), pricing: PlanTests.pricing, stopsEarly: false))
            let full = PlanReport(plan: plan, outcome: try CapacityPlanner.search(unshared, options: .init(), pricing: PlanTests.pricing, exhaustive: true))
            if fast.meeting.isEmpty {
                // Nothing met the target, so the stopped runs were run again for the closest.
                XCTAssertFalse(fast.outcome.candidates.contains(where: \.isPartial), text)
                XCTAssertEqual(fast.closest.map(\.record), slow.closest.map(\.record), text)
                XCTAssertGreaterThanOrEqual(fast.outcome.simulations, slow.outcome.simulations, text)
            } else {
                XCTAssertEqual(fast.outcome.simulations, slow.outcome.simulations, text)
            }
            XCTAssertEqual(fast.meeting.map(\.settings), slow.meeting.map(\.settings), text)
            XCTAssertEqual(fast.meeting.map(\.record), slow.meeting.map(\.record), text)
            XCTAssertEqual(fast.meeting.first.map { [$0.cost, $0.drainTime] }, full.meeting.first.map { [$0.cost, $0.drainTime] }, text)
            XCTAssertFalse(full.outcome.candidates.contains(where: \.isPartial), text)
            let reference = Dictionary(full.outcome.candidates.map { ($0.settings, $0) }, uniquingKeysWith: { first, _ in first })
            for candidate in fast.outcome.candidates {
                guard let exhaustive = reference[candidate.settings] else { return XCTFail("\(candidate.settings) not in the space\n\(text)") }
                XCTAssertEqual(candidate.meetsTarget, exhaustive.meetsTarget, "\(candidate.settings)\n\(text)")
                if candidate.isPartial {
                    XCTAssertFalse(candidate.meetsTarget, text)
                    XCTAssertTrue(candidate.misses.last?.hasPrefix("stopped at") ?? false, "\(candidate.misses)")
                    stopped += 1
                } else {
                    XCTAssertEqual(candidate.record, exhaustive.record, "\(candidate.settings)\n\(text)")
                }
            }
            meeting += fast.meeting.count
            simulations.pruned += fast.outcome.simulations
            simulations.exhaustive += full.outcome.simulations
        }
        XCTAssertGreaterThan(stopped, 0, "no run was ever stopped early")
        XCTAssertGreaterThan(meeting, 0, "no configuration ever met its target")
        XCTAssertLessThan(simulations.pruned, simulations.exhaustive)
    }

    /// A long schedule is decoded once per template; its variants are the scenarios the
    /// full JSON gives, and a change the variant cannot take is refused with the same words.
    func testSharedScheduleGivesTheScenariosOfTheFullJSON() throws {
        var random = TestRandom(seed: 5)
        for _ in 0..<20 {
            var text = Self.workload(&random)
            while !text.contains("schedule") { text = Self.workload(&random) }
            let reader = FieldReader(file: "plan.json")
            let root = try JSONParser.parse(#"{"workload": \#(text)}"#)
            let template = try XCTUnwrap(ScenarioTemplate.read(root, key: "workload", reader: reader))
            XCTAssertNotNil(template.shared)
            for (name, value) in [("BatchSize", 7.0), ("MinimumPollers", Double(random.int(1...3))), ("memoryMB", 512), ("partitions", 3), ("BatchSize", 0)] {
                let field = try ScenarioField.resolve(name, base: template.json).get()
                let change: ScenarioTemplate.Change = (field, JSONValue(.number(value)))
                let shared = Result { try template.scenario([change], provisioned: true) }
                let full = Result { () throws(DiagnosticError) -> Scenario in
                    var unshared = template
                    unshared.shared = nil
                    return try unshared.scenario([change], provisioned: true)
                }
                switch (shared, full) {
                case (.success(let a), .success(let b)): XCTAssertEqual("\(a)", "\(b)", "\(name) \(value)")
                case (.failure(let a), .failure(let b)): XCTAssertEqual("\(a)", "\(b)")
                default: XCTFail("\(name) \(value): \(shared) against \(full)")
                }
            }
        }
    }
}
