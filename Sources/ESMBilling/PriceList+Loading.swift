import ESMFormats
import Foundation

extension PriceList {
    /// Reads the prices file at `path`, or the shipped one when `path` is nil.
    public static func load(path: String?) throws(DiagnosticError) -> (list: PriceList, file: String) {
        guard let path else {
            let shipped = shippedFiles[0]
            return (try parse(shipped.text, file: shipped.name), shipped.name)
        }
        return (try parse(try TextFile.read(path: path, kind: "prices file"), file: path), path)
    }

    /// Parses and validates prices text; `file` names it in messages. Every problem in
    /// the file is reported at once.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> PriceList {
        try JSONDocument.decode(text, file: file) { root, reader in decode(root, reader: reader) }
    }

    static func decode(_ root: JSONValue, reader: FieldReader) -> PriceList? {
        guard let object = reader.object(root, "", allowed: ["currency", "regions"]) else { return nil }
        let currency = reader.string(object, "", "currency")
        if object["currency"] == nil { reader.report(object, "currency", "missing; give the currency, USD") }
        if let currency, currency != "USD" {
            reader.report(object["currency"], "currency", "\"\(currency)\" is not supported; esmsim reports costs in USD")
        }
        guard let regionsValue = object["regions"], case .array(let entries) = regionsValue.kind, !entries.isEmpty else {
            reader.report(object["regions"] ?? object, "regions", "missing or empty; expected an array of {region, name, prices}")
            return nil
        }
        var regions: [RegionPrices] = []
        for (offset, entry) in entries.enumerated() {
            let path = "regions[\(offset)]"
            guard let region = reader.object(entry, path, allowed: ["region", "name", "prices"]) else { continue }
            guard let code = reader.string(region, path, "region") else {
                if region["region"] == nil { reader.report(region, "\(path).region", "missing; give the Region's code, such as us-east-1") }
                continue
            }
            if regions.contains(where: { $0.region == code }) {
                reader.report(region["region"], "\(path).region", "\"\(code)\" appears twice")
            }
            _ = reader.string(region, path, "name")
            guard let prices = region["prices"] else {
                reader.report(region, "\(path).prices", "missing")
                continue
            }
            let figures = decodeFigures(prices, path: "\(path).prices", reader: reader)
            if let built = RegionPrices(region: code, figures: figures) { regions.append(built) }
        }
        return PriceList(currency: currency ?? "USD", regions: regions)
    }

    static func decodeFigures(_ value: JSONValue, path: String, reader: FieldReader) -> [PriceFigure] {
        let required = RegionPrices.requiredFigures
        guard let prices = reader.object(value, path, allowed: required.map(\.name)) else { return [] }
        var figures: [PriceFigure] = []
        for (name, unit, range) in required {
            let figurePath = "\(path).\(name)"
            guard let entry = prices[name] else {
                reader.report(prices, figurePath, "missing; every Region needs \(required.map(\.name).joined(separator: ", "))")
                continue
            }
            guard let figure = reader.object(entry, figurePath, allowed: ["value", "unit", "date", "source"]) else { continue }
            for key in ["value", "unit", "date", "source"] where figure[key] == nil {
                reader.report(figure, "\(figurePath).\(key)", "missing")
            }
            let amount = reader.number(figure, figurePath, "value", range: range)
            if let written = reader.string(figure, figurePath, "unit"), written != unit {
                reader.report(figure["unit"], "\(figurePath).unit", "\(name) is in \"\(unit)\", not \"\(written)\"")
            }
            let date = reader.string(figure, figurePath, "date")
            if let date, !isISODate(date) {
                reader.report(figure["date"], "\(figurePath).date", "\"\(date)\" is not a date of the form YYYY-MM-DD")
            }
            let source = reader.string(figure, figurePath, "source")
            if let source, source.isEmpty { reader.report(figure["source"], "\(figurePath).source", "empty; say where the figure comes from") }
            guard let amount, let date, let source else { continue }
            figures.append(PriceFigure(name: name, value: amount, unit: unit, date: date, source: source))
        }
        return figures
    }

    /// Whether `text` is `YYYY-MM-DD` with a plausible month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
