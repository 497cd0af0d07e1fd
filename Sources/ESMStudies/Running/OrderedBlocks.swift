import ESMScenarios
import ESMFormats

/// Work over many indices on all cores, a block at a time: each block's results come back
/// in index order before the next block starts, so a caller can stream them to a file or
/// fold them into a total while memory holds one block, whatever the number of indices.
enum OrderedBlocks {
    /// Computes `compute(index)` for every index in `0..<count`, `size` at a time on all
    /// cores, and hands each block's range and results to `consume`, in order; stops early
    /// when `consume` returns false. `progress` hears of every index computed.
    /// - Complexity: O(count) calls of `compute`; memory O(size) results.
    static func forEach<Result, Failure: Error>(
        count: Int, size: Int, progress: ProgressMeter? = nil, compute: @Sendable (Int) -> Result,
        consume: (Range<Int>, [Result]) throws(Failure) -> Bool
    ) throws(Failure) {
        var start = 0
        while start < count {
            let range = start..<min(count, start + max(1, size))
            let results = ResultSlots<Result>.collect(count: range.count) { offset in
                let result = compute(range.lowerBound + offset)
                progress?.advance()
                return result
            }
            guard try consume(range, results) else { return }
            start = range.upperBound
        }
    }
}
