import XCTest
import ESMModel
import EventEngine
@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies

/// Seeded fuzzing of the other input files, like `ScenarioFuzzTests`: random mutations of
/// the shipped profile, price list and observation file must give a clean, positioned
/// error or a value that is usable (a profile that runs, prices that price).
final class ProfilePriceObservationFuzzTests: XCTestCase {
    func testMutatedProfilesFailCleanlyOrRun() throws {
        let text = try XCTUnwrap(ProfileStore.shippedFile("aws-2024")).text
        let scenario = try ScenarioJSON.load(ScenarioJSON.text()).get()
        var random = TestRandom(seed: 31)
        var outcomes = (rejected: 0, ran: 0)
        for _ in 0..<600 {
            let mutated = ScenarioFuzzTests.mutate(text, &random)
            do throws(DiagnosticError) {
                let profile = try ProfileStore.parse(mutated, file: "fuzz-profile.json")
                for constant in ProfileConstant.catalog {
                    XCTAssertTrue(constant.range.contains(profile[keyPath: constant.keyPath]), "\(constant.name) out of range in\n\(mutated)")
                }
                guard (try? ScenarioRunner.checkSize(of: scenario, profile: profile, options: ScenarioFuzzTests.options, file: "s.json")) != nil else { continue }
                let result = ScenarioRunner.run(scenario, profile: profile, options: ScenarioFuzzTests.options)
                let last = result.rows.last!
                XCTAssertEqual(last.producedTotal, last.processedTotal + last.offsetLagSum + last.recordsDropped)
                outcomes.ran += 1
            } catch {
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "fuzz-profile.json" && !$0.message.isEmpty }, error.description)
                outcomes.rejected += 1
            }
        }
        XCTAssertGreaterThan(outcomes.rejected, 100)
        XCTAssertGreaterThan(outcomes.ran, 30)
    }

    func testMutatedPriceListsFailCleanlyOrPrice() throws {
        let text = try XCTUnwrap(PriceList.shippedFiles.first).text
        var random = TestRandom(seed: 32)
        var outcomes = (rejected: 0, priced: 0)
        for _ in 0..<600 {
            let mutated = ScenarioFuzzTests.mutate(text, &random)
            do throws(DiagnosticError) {
                let list = try PriceList.parse(mutated, file: "fuzz-prices.json")
                for region in list.regions {
                    let usage = BillableUsage(epuSeconds: 3_600, requests: 1_000_000, gbSeconds: 1_000, architecture: .x86_64)
                    let cost = CostModel.cost(usage, prices: region, freeTier: true)
                    XCTAssertTrue(cost.total.isFinite && cost.total >= 0, "\(cost) from\n\(mutated)")
                }
                outcomes.priced += 1
            } catch {
                XCTAssertTrue(error.problems.allSatisfy { $0.file == "fuzz-prices.json" && !$0.message.isEmpty }, error.description)
                outcomes.rejected += 1
            }
        }
        XCTAssertGreaterThan(outcomes.rejected, 100)
        XCTAssertGreaterThan(outcomes.priced, 10)
    }

    func testMutatedObservationFilesFailWithTheirLine() throws {
        let text = try String(contentsOf: ScenarioJSON.scenariosFolder.appendingPathComponent("published-figures.csv"), encoding: .utf8)
        var random = TestRandom(seed: 33)
        var outcomes = (rejected: 0, read: 0)
        for _ in 0..<1_000 {
            var bytes = Array(text.utf8)
            for _ in 0..<random.int(1...3) {
                let at = random.int(0...bytes.count - 1)
                switch random.int(0...2) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(random.pick(Array(",\"\n-e.0x9".utf8)), at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            do throws(DiagnosticError) {
                let observations = try ObservationFile.parse(String(decoding: bytes, as: UTF8.self), file: "obs.csv", folder: "/tmp")
                XCTAssertTrue(observations.allSatisfy { $0.observed.isFinite && $0.observed >= 0 && $0.tolerance > 0 && $0.tolerance.isFinite })
                outcomes.read += 1
            } catch {
                XCTAssertTrue(error.description.split(separator: "\n").allSatisfy { $0.hasPrefix("obs.csv") }, error.description)
                outcomes.rejected += 1
            }
        }
        XCTAssertGreaterThan(outcomes.rejected, 100)
        XCTAssertGreaterThan(outcomes.read, 100)
    }
}
