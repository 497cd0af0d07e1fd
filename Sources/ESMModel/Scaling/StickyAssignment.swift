/// How partitions move when the poller count changes: as few as possible, as Kafka's
/// cooperative sticky assignor keeps partitions where they are.
///
/// An assumption (no AWS source says which assignor the ESM uses): the new assignment
/// is balanced (poller loads differ by at most one partition), every partition that can
/// stay on its poller within that balance stays, and the rest go to the pollers with
/// room. Only the partitions that move stop for the rebalance.
enum StickyAssignment {
    /// The poller of each partition after a change to `pollers` pollers, from `current`
    /// (the poller of each partition now). Deterministic: ties go to the lower index.
    ///
    /// - Complexity: O(p + n log n) for p partitions and n pollers.
    static func reassign(_ current: [Int32], to pollers: Int) -> [Int32] {
        precondition(pollers > 0, "a rebalance needs at least one poller")
        let partitions = current.count
        var held = [Int](repeating: 0, count: pollers)
        for poller in current where Int(poller) < pollers { held[Int(poller)] += 1 }

        // Pollers holding the most keep the larger quotas, so the fewest partitions move.
        let base = partitions / pollers
        let larger = partitions % pollers
        let byLoad = (0..<pollers).sorted { held[$0] != held[$1] ? held[$0] > held[$1] : $0 < $1 }
        var quota = [Int](repeating: base, count: pollers)
        for poller in byLoad.prefix(larger) { quota[poller] += 1 }

        var assignment = current
        var kept = [Int](repeating: 0, count: pollers)
        var moving: [Int] = []
        for index in 0..<partitions {
            let poller = Int(current[index])
            if poller < pollers && kept[poller] < quota[poller] {
                kept[poller] += 1
            } else {
                moving.append(index)
            }
        }
        var receiver = 0
        for index in moving {
            while kept[receiver] >= quota[receiver] { receiver += 1 }
            kept[receiver] += 1
            assignment[index] = Int32(receiver)
        }
        return assignment
    }
}
