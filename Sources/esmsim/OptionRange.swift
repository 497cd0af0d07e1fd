import ESMFormats
import ESMScenarios

/// Checks a number given as a flag against the range the same field has in scenario
/// files (`FieldRanges`), with the scenario loader's wording.
enum OptionRange {
    /// `value` of `--option` when it lies in `range` (and is whole when `whole`); a usage error otherwise.
    static func check(_ value: Double?, _ option: String, _ range: ClosedRange<Double>, whole: Bool = false) throws(UsageError) -> Double? {
        guard let value else { return nil }
        if whole && value != value.rounded() {
            throw UsageError("--\(option): \(FieldReader.format(value)) is not a whole number")
        }
        guard range.contains(value) else {
            throw UsageError("--\(option): \(FieldReader.format(value)) is outside \(FieldReader.format(range.lowerBound))...\(FieldReader.format(range.upperBound))")
        }
        return value
    }
}
