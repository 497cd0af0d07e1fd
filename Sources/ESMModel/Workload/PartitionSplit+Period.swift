extension PartitionSplit {
    /// A topic count after which the split repeats: for every partition and every total,
    /// `count(of: partition, total: total + period)` is `count(of: partition, total: total)`
    /// plus a fixed number; nil when no such count fits 63 bits.
    ///
    /// Two totals equal modulo the period deal the records that follow them alike, which
    /// lets the compressed path (`ESMSimulation+Compression`) repeat a cycle of production.
    /// - Complexity: O(partitions) for weights, O(1) otherwise.
    public var period: Int64? {
        switch shape {
        case .even:
            return Int64(partitions)
        case .hot(let hot):
            return Self.period(of: hot, leftPeriod: 1, rightPeriod: Int64(partitions - 1))
        case .weighted(let nodes):
            var node = 0
            return Self.weightedPeriod(nodes, node: &node, partitions: partitions)
        }
    }

    /// The period of the halving subtree over `partitions` partitions whose root is `node`
    /// (advanced past the subtree, preorder).
    static func weightedPeriod(_ nodes: [ProportionalCount], node: inout Int, partitions: Int) -> Int64? {
        guard partitions > 1 else { return 1 }
        let root = nodes[node]
        node += 1
        let middle = partitions / 2
        guard let left = weightedPeriod(nodes, node: &node, partitions: middle),
              let right = weightedPeriod(nodes, node: &node, partitions: partitions - middle) else { return nil }
        return period(of: root, leftPeriod: left, rightPeriod: right)
    }

    /// The period of a share `share` dealing into a left side repeating every `leftPeriod`
    /// records and a right side repeating every `rightPeriod`: whole repetitions of the
    /// share's own period that hand each side a whole number of its periods.
    static func period(of share: ProportionalCount, leftPeriod: Int64, rightPeriod: Int64) -> Int64? {
        let common = ExactRatio.gcd(share.parts, scale)
        let own = scale / common
        let left = share.parts / common
        let right = own - left
        let leftRepeats = leftPeriod / ExactRatio.gcd(left, leftPeriod)
        let rightRepeats = rightPeriod / ExactRatio.gcd(right, rightPeriod)
        let (lcm, overflow) = (leftRepeats / ExactRatio.gcd(leftRepeats, rightRepeats)).multipliedReportingOverflow(by: rightRepeats)
        guard !overflow else { return nil }
        let (period, tooLong) = own.multipliedReportingOverflow(by: lcm)
        return tooLong ? nil : period
    }
}
