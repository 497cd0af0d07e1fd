@testable import ESMModel
import EventEngine
import XCTest

/// The EPU meter and packing rule: per-second billing with the one-minute minimum,
/// packing by density and by throughput, poller groups, and no EPUs on-demand.
final class EPUMeterTests: XCTestCase {
    let profile: BehaviourProfile = {
        var profile = BehaviourProfile(name: "test", summary: "")
        profile.provisioned.pollerBytesPerSecond = 5_000_000
        return profile
    }()

    func seconds(_ value: Int64) -> SimTime { value * Ticks.perSecond }

    func testPackingByDensityAndByThroughput() {
        let packing = EPUPacking(profile: profile)
        // Ten idle pollers fill exactly one EPU; eleven need two.
        XCTAssertEqual(packing.epus(claimed: 10 * packing.claim(bytesPerSecond: 0), minimum: 1), 1)
        XCTAssertEqual(packing.epus(claimed: 11 * packing.claim(bytesPerSecond: 0), minimum: 1), 2)
        // Thirty idle pollers: three EPUs, not four through rounding noise.
        XCTAssertEqual(packing.epus(claimed: 30 * packing.claim(bytesPerSecond: 0), minimum: 1), 3)
        // Four pollers at the full 5 MB/s fill an EPU; a fifth needs another.
        XCTAssertEqual(packing.epus(claimed: 4 * packing.claim(bytesPerSecond: 5_000_000), minimum: 1), 1)
        XCTAssertEqual(packing.epus(claimed: 5 * packing.claim(bytesPerSecond: 5_000_000), minimum: 1), 2)
        // A poller's claim is capped at its own maximum throughput.
        XCTAssertEqual(packing.claim(bytesPerSecond: 50_000_000), 5_000_000)
        // The floor: MinimumPollers 1 still takes a whole EPU; 25 take three.
        XCTAssertEqual(packing.minimumEPUs(minimumPollers: 1), 1)
        XCTAssertEqual(packing.minimumEPUs(minimumPollers: 25), 3)
    }

    func testPerSecondBillingWithOneMinuteMinimum() {
        var meter = EPUMeter(profile: profile, provisioned: .init(minimum: 1, maximum: 100), mappings: 1)
        XCTAssertEqual(meter.current, 1)
        // Twenty idle pollers arrive at 100 s: their slots need two EPUs from then on.
        meter.pollersChanged(from: [0], to: 20, at: seconds(100))
        XCTAssertEqual(meter.current, 2)
        // Back to one poller at 130 s. The EPU started at 100 s stops once five periods
        // since then needed one: those ending at 120, 180, 240, 300 and 360 s.
        meter.pollersChanged(from: Array(repeating: 0, count: 20), to: 1, at: seconds(130))
        meter.advance(to: seconds(360) - 1, pollerBytes: [0])
        XCTAssertEqual(meter.current, 2)
        meter.advance(to: seconds(360), pollerBytes: [0])
        XCTAssertEqual(meter.current, 1)
        // EPU 1: 0...500.5 s, billed 501 s. EPU 2: 100...360 s, 260 s.
        XCTAssertEqual(meter.billedEPUSeconds(until: seconds(500) + 500_000), 501 + 260)

        // With no scale-in wait, an EPU that runs 50 s (10...60 s) is billed the one-minute minimum.
        var quick = profile
        quick.epuScaleInSeconds = 0
        var short = EPUMeter(profile: quick, provisioned: .init(minimum: 1, maximum: 100), mappings: 1)
        short.pollersChanged(from: [0], to: 11, at: seconds(10))
        short.pollersChanged(from: Array(repeating: 0, count: 11), to: 1, at: seconds(40))
        short.advance(to: seconds(60), pollerBytes: [0])
        XCTAssertEqual(short.current, 1)
        short.close(at: seconds(100), pollerBytes: [0])
        XCTAssertEqual(short.billedEPUSeconds(until: seconds(100)), 100 + 60)
    }

    func testThroughputRaisesTheCountAtThePeriodEnd() {
        var meter = EPUMeter(profile: profile, provisioned: .init(minimum: 4, maximum: 4), mappings: 1)
        XCTAssertEqual(meter.current, 1)
        // Four pollers at 4.5 MB/s for a minute claim 18 MB/s of 20: still one EPU.
        meter.advance(to: seconds(60), pollerBytes: Array(repeating: 4_500_000 * 60, count: 4))
        XCTAssertEqual(meter.current, 1)
        // Two at 5 MB/s and two at 1 MB/s claim 5 + 5 + 2 + 2 (idle slots) = 14 MB/s: one.
        meter.advance(to: seconds(120), pollerBytes: [300_000_000, 300_000_000, 60_000_000, 60_000_000])
        XCTAssertEqual(meter.current, 1)
        // A fifth poller, all five at 5 MB/s: 25 MB/s, two EPUs at the end of the period,
        // whenever the bytes were handed over within it.
        meter.pollersChanged(from: Array(repeating: 0, count: 4), to: 5, at: seconds(120))
        meter.advance(to: seconds(179), pollerBytes: Array(repeating: 295_000_000, count: 5))
        XCTAssertEqual(meter.current, 1, "the period is not over")
        meter.advance(to: seconds(180), pollerBytes: Array(repeating: 5_000_000, count: 5))
        XCTAssertEqual(meter.current, 2)
    }

    func testNoiseAroundAThresholdDoesNotRestartEPUs() {
        // Five pollers whose needs alternate between one EPU (17.5 MB/s) and two
        // (22.5 MB/s) keep two running from the first busy period: no restarts.
        var meter = EPUMeter(profile: profile, provisioned: .init(minimum: 5, maximum: 5), mappings: 1)
        for minute in 1...60 {
            let rate = minute.isMultiple(of: 2) ? 3_500_000.0 : 4_500_000.0
            meter.advance(to: seconds(Int64(minute) * 60), pollerBytes: Array(repeating: rate * 60, count: 5))
        }
        XCTAssertEqual(meter.current, 2)
        XCTAssertEqual(meter.billedEPUSeconds(until: seconds(3_600)), 3_600 + 3_540)
    }

    func testIdleStretchesAreMeteredLikeAnyOther() {
        // Five busy minutes, then a long idle gap handed over in one call.
        var meter = EPUMeter(profile: profile, provisioned: .init(minimum: 5, maximum: 5), mappings: 1)
        meter.advance(to: seconds(60), pollerBytes: Array(repeating: 300_000_000, count: 5))
        XCTAssertEqual(meter.current, 2)
        for minute in 2...5 {
            meter.advance(to: seconds(Int64(minute) * 60), pollerBytes: Array(repeating: 300_000_000, count: 5))
        }
        XCTAssertEqual(meter.current, 2)
        meter.advance(to: seconds(100_000), pollerBytes: Array(repeating: 0, count: 5))
        XCTAssertEqual(meter.current, 1)
        // Busy 0...300 s: two EPUs from 60 s until the five periods ending 360...600 s all needed one.
        XCTAssertEqual(meter.billedEPUSeconds(until: seconds(100_000)), 100_000 + 540)
    }

    func testPollerGroupPacksEveryMappingTogether() {
        // Ten ESMs of one idle poller each: one shared EPU in a group, ten on their own.
        let grouped = EPUMeter(profile: profile, provisioned: .init(minimum: 1, maximum: 1), mappings: 10)
        XCTAssertEqual(grouped.current, 1)
        XCTAssertEqual(grouped.billedEPUSeconds(until: seconds(3_600)), 3_600)
        var busy = EPUMeter(profile: profile, provisioned: .init(minimum: 1, maximum: 1), mappings: 10)
        // At 3 MB/s each, the ten pollers claim 30 MB/s: two EPUs.
        busy.advance(to: seconds(60), pollerBytes: [180_000_000])
        XCTAssertEqual(busy.current, 2)
    }

    func testOnDemandHasNoEPUs() {
        var meter = EPUMeter(profile: profile, provisioned: nil, mappings: 1)
        meter.pollersChanged(from: [0], to: 50, at: seconds(10))
        meter.advance(to: seconds(60), pollerBytes: Array(repeating: 300_000_000, count: 50))
        XCTAssertEqual(meter.current, 0)
        XCTAssertEqual(meter.billedEPUSeconds(until: seconds(3_600)), 0)
    }

    func testSimulatedOnDemandRunBillsNoEPUTime() {
        let configuration = ModelConfiguration(
            name: "on-demand", topic: TopicSpec(partitions: 4, backlogRecords: 20_000),
            production: .none, function: FunctionSpec(duration: .distribution(.constant(50))),
            settings: ESMSettings(), profile: profile)
        let result = ESMSimulation.run(configuration)
        XCTAssertGreaterThan(result.summary.invocations, 0)
        XCTAssertEqual(result.summary.epuSeconds, 0)
        XCTAssertTrue(result.rows.allSatisfy { $0.epus == 0 })
    }
}
