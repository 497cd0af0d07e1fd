@testable import ESMCharts
import Foundation
import XCTest

/// The palette: colours apart for normal vision and the three kinds of dichromacy, and
/// dashes that keep series apart without colour.
final class ChartPaletteTests: XCTestCase {
    /// Machado, Oliveira and Fernandes (2009) full-severity simulation matrices, on linear RGB.
    let simulations: [(String, [[Double]])] = [
        ("normal", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    func testColoursStayApartForEveryKindOfVision() throws {
        let colors = ChartPalette.colors
        XCTAssertEqual(Set(colors).count, colors.count)
        for (vision, matrix) in simulations {
            var closest = Double.infinity
            for (index, first) in colors.enumerated() {
                for second in colors[(index + 1)...] {
                    let distance = Self.deltaE(Self.lab(try Self.rgb(first), matrix), Self.lab(try Self.rgb(second), matrix))
                    closest = min(closest, distance)
                    XCTAssertGreaterThan(distance, 12, "\(vision): \(first) and \(second) look alike")
                }
            }
            // The Tableau 10 set this palette replaced fails this bound (its orange and olive merge for protanopes).
            XCTAssertGreaterThan(closest, 12, vision)
        }
        // Every colour stands out against the white background.
        for color in colors {
            XCTAssertGreaterThan(Self.deltaE(Self.lab(try Self.rgb(color), simulations[0].1), Self.lab([1, 1, 1], simulations[0].1)), 30, color)
        }
    }

    /// The bound above can fail: two blues that differ only slightly are caught.
    func testNearColoursAreCaught() throws {
        let identity = simulations[0].1
        XCTAssertLessThan(Self.deltaE(Self.lab(try Self.rgb("#1f77b4"), identity), Self.lab(try Self.rgb("#2a7ab0"), identity)), 12)
        let tableauOrange = Self.lab(try Self.rgb("#ff7f0e"), simulations[2].1)
        let tableauOlive = Self.lab(try Self.rgb("#bcbd22"), simulations[2].1)
        XCTAssertLessThan(Self.deltaE(tableauOrange, tableauOlive), 12, "a deuteranope barely tells Tableau's orange from its olive")
    }

    func testStylesDifferWithoutColour() {
        let styles = (0..<35).map { ChartPalette.color($0) + "/" + (ChartPalette.dash($0) ?? "solid") }
        XCTAssertEqual(Set(styles).count, 35, "colour and dash together tell 35 series apart")
        for start in 0..<30 {
            let dashes = (start..<(start + 5)).map { ChartPalette.dash($0) ?? "solid" }
            XCTAssertEqual(Set(dashes).count, 5, "any five consecutive series differ by dash alone")
        }
        for scenario in 0..<10 {
            let roles = (0..<3).map { ChartPalette.dash(scenario: scenario, role: $0) ?? "solid" }
            XCTAssertEqual(Set(roles).count, 3, "lines of one scenario's panel differ by dash")
            XCTAssertEqual(ChartPalette.dash(scenario: scenario, role: 0), ChartPalette.dash(scenario), "the main line looks as in the comparison")
        }
    }

    static func rgb(_ hex: String) throws -> [Double] {
        let digits = Array(hex.dropFirst())
        return try stride(from: 0, to: 6, by: 2).map { index in
            Double(try XCTUnwrap(UInt8(String(digits[index...(index + 1)]), radix: 16))) / 255
        }
    }

    /// CIE L*a*b* (D65) of an sRGB colour seen through a simulation matrix.
    static func lab(_ srgb: [Double], _ matrix: [[Double]]) -> [Double] {
        let linear = srgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        let seen = matrix.map { row in min(1, max(0, zip(row, linear).map(*).reduce(0, +))) }
        let xyz = [
            0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2],
            0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2],
            0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2],
        ]
        let white = [0.95047, 1.0, 1.08883]
        let f = zip(xyz, white).map { value, reference -> Double in
            let t = value / reference
            return t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116
        }
        return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])]
    }

    static func deltaE(_ first: [Double], _ second: [Double]) -> Double {
        sqrt(zip(first, second).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }
}
