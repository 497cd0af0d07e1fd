import EventEngine
import XCTest

final class RandomTests: XCTestCase {
    /// The first ten outputs of xoshiro256** from the state s = {1, 2, 3, 4}, as produced
    /// by the authors' reference implementation (https://prng.di.unimi.it/xoshiro256starstar.c)
    /// and published in the `reference` test of rand_xoshiro
    /// (github.com/rust-random/rngs, rand_xoshiro/src/xoshiro256starstar.rs). Re-derived
    /// here with an independent Python transcription of the C code before being pinned.
    func testXoshiroMatchesTheReferenceImplementation() {
        var random = RandomStream(state: 1, 2, 3, 4)
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        XCTAssertEqual((0..<expected.count).map { _ in random.next() }, expected)
    }

    /// SplitMix64 from 1477776061723855037, as produced by the reference implementation
    /// (https://prng.di.unimi.it/splitmix64.c) and published in the `reference` test of
    /// rand_xoshiro (github.com/rust-random/rngs, rand_xoshiro/src/splitmix64.rs); also
    /// re-derived with the Python transcription. From 0 the first value is 0xE220A8397B1DCDAF.
    func testSplitMixMatchesTheReferenceImplementation() {
        var mixer = SplitMix64(state: 1_477_776_061_723_855_037)
        let expected: [UInt64] = [
            1_985_237_415_132_408_290, 2_979_275_885_539_914_483, 13_511_426_838_097_143_398,
            8_488_337_342_461_049_707, 15_141_737_807_933_549_159, 17_093_170_987_380_407_015,
        ]
        XCTAssertEqual((0..<expected.count).map { _ in mixer.next() }, expected)
        var fromZero = SplitMix64(state: 0)
        XCTAssertEqual(fromZero.next(), 0xE220_A839_7B1D_CDAF)
    }

    /// A seed fills the xoshiro state with four SplitMix64 outputs, as the xoshiro authors
    /// recommend. The pinned values come from the Python transcription, not from Swift.
    func testSeedingExpandsTheSeedBySplitMix() {
        for seed: UInt64 in [0, 42, 1 << 63] {
            var mixer = SplitMix64(state: seed)
            var seeded = RandomStream(seed: seed)
            var explicit = RandomStream(state: mixer.next(), mixer.next(), mixer.next(), mixer.next())
            for _ in 0..<100 { XCTAssertEqual(seeded.next(), explicit.next(), "seed \(seed)") }
        }
        var zero = RandomStream(seed: 0)
        XCTAssertEqual((0..<3).map { _ in zero.next() }, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var fortyTwo = RandomStream(seed: 42)
        XCTAssertEqual((0..<3).map { _ in fortyTwo.next() }, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    /// A subsystem's stream is the FNV-1a hash of its name mixed into the run seed, then
    /// SplitMix64, then a seeded stream: pinned with values from the Python transcription,
    /// so a change of derivation (which would move every published figure) is caught.
    func testNamedStreamDerivationIsPinned() {
        let streams = RandomStreams(seed: 1)
        var producer = streams.stream("producer")
        XCTAssertEqual((0..<3).map { _ in producer.next() }, [0x4247_0AA0_B93E_8866, 0x7324_C769_56E5_3335, 0x32FA_C640_F474_D9F6])
        var durations = streams.stream("function.duration")
        XCTAssertEqual((0..<3).map { _ in durations.next() }, [0x79BA_8726_0BC1_70EB, 0xF574_DFFF_7661_32C9, 0xED45_1623_7E28_8815])
    }

    /// The model's subsystems get streams that share no values and are uncorrelated, and a
    /// different run seed gives each subsystem a different stream.
    func testSubsystemStreamsAreDistinctAndUncorrelated() {
        let names = ["producer", "function.duration", "function.errors", "topic.recordSize"]
        let count = 100_000
        func units(_ seed: UInt64, _ name: String) -> [Double] {
            var stream = RandomStreams(seed: seed).stream(name)
            return (0..<count).map { _ in stream.nextUnit() }
        }
        let draws = names.map { units(1, $0) }
        for i in draws.indices {
            for j in draws.indices where j > i {
                // Overlapping streams (one a shifted copy of another) would share values.
                XCTAssertTrue(Set(draws[i].prefix(10_000)).isDisjoint(with: draws[j].prefix(10_000)), "\(names[i]) / \(names[j])")
                // For independent uniforms the sample correlation has standard deviation 1/sqrt(n), about 0.003.
                XCTAssertLessThan(abs(Self.correlation(draws[i], draws[j])), 0.015, "\(names[i]) / \(names[j])")
                XCTAssertLessThan(abs(Self.correlation(draws[i], Array(draws[j].dropFirst()))), 0.015, "\(names[i]) / \(names[j]) lagged")
            }
        }
        for (index, name) in names.enumerated() {
            XCTAssertNotEqual(Array(units(2, name).prefix(100)), Array(draws[index].prefix(100)), name)
        }
    }

    func testUnitIntervals() {
        var random = RandomStream(seed: 3)
        for _ in 0..<10_000 {
            let u = random.nextUnit()
            XCTAssertTrue(u >= 0 && u < 1)
            let open = random.nextOpenUnit()
            XCTAssertTrue(open > 0 && open < 1)
        }
    }

    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = min(x.count, y.count)
        let meanX = x.prefix(n).reduce(0, +) / Double(n)
        let meanY = y.prefix(n).reduce(0, +) / Double(n)
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for k in 0..<n {
            let dx = x[k] - meanX, dy = y[k] - meanY
            covariance += dx * dy
            varianceX += dx * dx
            varianceY += dy * dy
        }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
