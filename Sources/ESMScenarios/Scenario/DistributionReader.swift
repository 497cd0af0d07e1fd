import ESMFormats
import ESMModel
import EventEngine
import Foundation

/// Reads a quantity that is either a plain number or a distribution object
/// (`{"distribution": "lognormal", "mu": ..., "sigma": ...}`).
enum DistributionReader {
    static let kinds = ["constant", "uniform", "exponential", "normal", "lognormal", "empirical", "empiricalCDF"]
    static let parameterKeys: [String: [String]] = [
        "constant": ["value"], "uniform": ["low", "high"], "exponential": ["mean"],
        "normal": ["mean", "standardDeviation"], "lognormal": ["mu", "sigma"],
        "empirical": ["values"], "empiricalCDF": ["points"],
    ]

    /// The most values or points a listed distribution may give; sampling and the
    /// run-size estimate grow with it.
    static let maximumListLength = 1_000_000

    /// The largest standard deviation a normal distribution of values in `range` may
    /// have: half the range's width, so its spread fits the field it describes.
    static func maximumDeviation(_ range: ClosedRange<Double>) -> Double { (range.upperBound - range.lowerBound) / 2 }

    /// A number or distribution whose values must lie in `range` (checked on every
    /// parameter: bounds, mean, spread, median, and every listed value).
    static func read(_ value: JSONValue, _ path: String, reader: FieldReader, range: ClosedRange<Double>) -> Distribution? {
        if case .number = value.kind {
            return reader.number(value, path, range: range).map(Distribution.constant)
        }
        guard let object = value.members.map({ _ in value }) else {
            reader.report(value, path, .wrongType(expected: "a number or a distribution object", found: value.typeName))
            return nil
        }
        guard let kind = reader.choice(object, path, "distribution", choices: kinds) else {
            if object["distribution"] == nil {
                reader.report(object, "\(path).distribution", "missing; one of \(kinds.joined(separator: ", "))")
            }
            _ = reader.object(object, path, allowed: ["distribution"] + parameterKeys.values.flatMap { $0 })
            return nil
        }
        let keys = parameterKeys[kind] ?? []
        _ = reader.object(object, path, allowed: ["distribution"] + keys)
        for key in keys where object[key] == nil {
            reader.report(object, "\(path).\(key)", "missing; a \(kind) distribution needs \(keys.joined(separator: " and "))")
        }
        switch kind {
        case "constant":
            return reader.number(object, path, "value", range: range).map(Distribution.constant)
        case "uniform":
            guard let low = reader.number(object, path, "low", range: range),
                  let high = reader.number(object, path, "high", range: range) else { return nil }
            guard low <= high else {
                reader.report(object["high"], "\(path).high", "\(FieldReader.format(high)) is less than low (\(FieldReader.format(low)))")
                return nil
            }
            return .uniform(low: low, high: high)
        case "exponential":
            return reader.number(object, path, "mean", range: range).map { .exponential(mean: $0) }
        case "normal":
            guard let mean = reader.number(object, path, "mean", range: range),
                  let deviation = reader.number(object, path, "standardDeviation", range: 0...maximumDeviation(range)) else { return nil }
            return .normal(mean: mean, standardDeviation: deviation)
        case "lognormal":
            guard let mu = reader.number(object, path, "mu", range: -50...50),
                  let sigma = reader.number(object, path, "sigma", range: 0...10) else { return nil }
            let distribution = Distribution.lognormal(mu: mu, sigma: sigma)
            if !range.contains(exp(mu)) {
                reader.report(object["mu"], "\(path).mu", "its median, e^mu = \(FieldReader.format(exp(mu))), is outside \(FieldReader.format(range.lowerBound))...\(FieldReader.format(range.upperBound))")
                return nil
            }
            if !range.contains(distribution.mean) {
                reader.report(object, path, "its mean, \(FieldReader.format(distribution.mean)), is outside \(FieldReader.format(range.lowerBound))...\(FieldReader.format(range.upperBound))")
                return nil
            }
            return distribution
        case "empirical":
            guard let list = object["values"] else { return nil }
            guard case .array(let elements) = list.kind, !elements.isEmpty, elements.count <= maximumListLength else {
                reader.report(list, "\(path).values", "expected a non-empty array of at most \(FieldReader.format(Double(maximumListLength))) numbers")
                return nil
            }
            let values = elements.enumerated().compactMap { reader.number($1, "\(path).values[\($0)]", range: range) }
            return values.count == elements.count ? .empirical(values: values) : nil
        default:
            guard let list = object["points"] else { return nil }
            guard case .array(let elements) = list.kind, !elements.isEmpty, elements.count <= maximumListLength else {
                reader.report(list, "\(path).points", "expected a non-empty array of at most \(FieldReader.format(Double(maximumListLength))) [value, cumulativeProbability] pairs")
                return nil
            }
            var points: [Distribution.CDFPoint] = []
            for (offset, element) in elements.enumerated() {
                let pointPath = "\(path).points[\(offset)]"
                guard case .array(let pair) = element.kind, pair.count == 2 else {
                    reader.report(element, pointPath, "expected [value, cumulativeProbability]")
                    continue
                }
                guard let number = reader.number(pair[0], "\(pointPath)[0]", range: range),
                      let probability = reader.number(pair[1], "\(pointPath)[1]", range: 0...1) else { continue }
                if let last = points.last, probability < last.probability || number < last.value {
                    reader.report(element, pointPath, "points must rise in both value and probability")
                }
                points.append(.init(value: number, probability: probability))
            }
            guard points.count == elements.count else { return nil }
            if points.last?.probability != 1 {
                reader.report(elements.last, "\(path).points[\(elements.count - 1)][1]", "the last cumulative probability must be 1")
                return nil
            }
            return .empiricalCDF(points: points)
        }
    }

    /// A function duration: a number or distribution of milliseconds, or
    /// `{"baseMs": ..., "perRecordMs": ...}`; every value positive and within the timeout.
    static func readDuration(_ value: JSONValue, _ path: String, reader: FieldReader, maximum: Double) -> FunctionSpec.DurationModel? {
        let range = 0.001...maximum
        if let members = value.members, members.contains(where: { $0.key == "baseMs" || $0.key == "perRecordMs" }) {
            _ = reader.object(value, path, allowed: ["baseMs", "perRecordMs"])
            guard let base = reader.number(value, path, "baseMs", range: 0...maximum),
                  let perRecord = reader.number(value, path, "perRecordMs", range: 0...maximum) else {
                for key in ["baseMs", "perRecordMs"] where value[key] == nil {
                    reader.report(value, "\(path).\(key)", "missing; a per-record duration needs baseMs and perRecordMs")
                }
                return nil
            }
            if base + perRecord <= 0 {
                reader.report(value, path, "a duration must be positive")
                return nil
            }
            return .perRecord(baseMilliseconds: base, perRecordMilliseconds: perRecord)
        }
        return read(value, path, reader: reader, range: range).map(FunctionSpec.DurationModel.distribution)
    }
}
