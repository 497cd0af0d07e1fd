@testable import ESMModel
import EventEngine
import XCTest

/// Sticky reassignment: balanced, and moving only what balance requires.
final class StickyAssignmentTests: XCTestCase {
    func testTable() {
        let cases: [(String, [Int32], Int, [Int32])] = [
            ("scale-out from one poller moves half", [0, 0, 0, 0], 2, [0, 0, 1, 1]),
            ("scale-in moves only the removed poller's partitions", [0, 1, 2, 0, 1, 2], 2, [0, 1, 0, 0, 1, 1]),
            ("the same count moves nothing", [0, 1, 2, 0, 1, 2], 3, [0, 1, 2, 0, 1, 2]),
            ("the fuller poller keeps the larger share", [1, 1, 1, 0, 0], 2, [1, 1, 1, 0, 0]),
            ("one partition per poller", [0, 0, 0], 3, [0, 1, 2]),
        ]
        for (name, current, pollers, expected) in cases {
            XCTAssertEqual(StickyAssignment.reassign(current, to: pollers), expected, name)
        }
    }

    func testBalancedAndMinimalOverRandomAssignments() {
        var random = RandomStream(seed: 99)
        for _ in 0..<300 {
            let partitions = 1 + Int(random.nextUnit() * 60)
            let before = 1 + Int(random.nextUnit() * Double(partitions))
            let after = 1 + Int(random.nextUnit() * Double(partitions))
            let current = (0..<partitions).map { _ in Int32(random.nextUnit() * Double(before)) }
            let next = StickyAssignment.reassign(current, to: after)
            var load = [Int](repeating: 0, count: after)
            for poller in next { load[Int(poller)] += 1 }
            XCTAssertLessThanOrEqual(load.max()! - load.min()!, 1, "balanced: \(current) -> \(next)")
            // Fewest moves: a partition on a kept poller moves only if that poller held
            // more than its share.
            let share = (partitions + after - 1) / after
            var held = [Int](repeating: 0, count: after)
            for poller in current where Int(poller) < after { held[Int(poller)] += 1 }
            for index in 0..<partitions where Int(current[index]) < after && held[Int(current[index])] <= partitions / after {
                XCTAssertEqual(next[index], current[index], "partition \(index) had no reason to move: \(current) -> \(next)")
            }
            XCTAssertLessThanOrEqual(load.max()!, share)
        }
    }
}
