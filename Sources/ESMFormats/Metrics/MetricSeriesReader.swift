import Foundation

/// Reads time series from the files monitoring tools write:
/// - the JSON of `aws cloudwatch get-metric-data` (`MetricDataResults`, each with
///   `Timestamps` and `Values` paired by position); several results are summed point by
///   point, as MSK's per-broker `MessagesInPerSec` must be, and must then share their
///   timestamps;
/// - CSV of `timestamp,value` rows, with or without a header, the timestamp in ISO 8601
///   (no zone is UTC) or Unix epoch seconds (milliseconds when 10^12 or more). No
///   authoritative description of the CloudWatch console's CSV download exists, so this
///   plain shape is what is accepted.
///
/// Points may come newest first (CloudWatch's default) or oldest first, but not mixed;
/// duplicate timestamps, negative or missing values, a `StatusCode` other than
/// `Complete` and a `NextToken` (one page of several) are errors with their positions.
public enum MetricSeriesReader {
    /// Reads the file at `path`; `ids` chooses CloudWatch results by `Id` (all when empty).
    public static func read(path: String, ids: [String] = []) throws(DiagnosticError) -> MetricSeries {
        try parse(try TextFile.read(path: path, kind: "time series file"), file: path, ids: ids)
    }

    /// Reads `reference`: a file, optionally followed by `#Id[,Id...]` to choose
    /// CloudWatch results; a relative file is found in `folder` when one is given.
    public static func read(reference: String, folder: String? = nil) throws(DiagnosticError) -> MetricSeries {
        var path = reference
        var ids: [String] = []
        if let hash = reference.lastIndex(of: "#") {
            path = String(reference[..<hash])
            ids = reference[reference.index(after: hash)...].split(separator: ",").map(String.init)
        }
        if let folder, !path.hasPrefix("/") { path = folder + "/" + path }
        return try read(path: path, ids: ids)
    }

    /// Parses series text; JSON when it starts with `{`, CSV otherwise.
    public static func parse(_ text: String, file: String, ids: [String] = []) throws(DiagnosticError) -> MetricSeries {
        if JSONDocument.looksLikeJSON(text) {
            return try parseCloudWatch(text, file: file, ids: ids)
        }
        if !ids.isEmpty {
            throw DiagnosticError(Diagnostic(file: file, message: "result ids (\(ids.joined(separator: ", "))) choose among CloudWatch results; a CSV file holds one series"))
        }
        return try parseCSV(text, file: file)
    }

    static let resultKeys = ["Id", "Label", "Timestamps", "Values", "StatusCode", "Messages"]

    /// `aws cloudwatch get-metric-data` output.
    static func parseCloudWatch(_ text: String, file: String, ids: [String]) throws(DiagnosticError) -> MetricSeries {
        try JSONDocument.decode(text, file: file) { root, reader -> MetricSeries? in
            guard let object = reader.object(root, "", allowed: ["MetricDataResults", "NextToken", "Messages"]) else { return nil }
            if let token = object["NextToken"], case .string = token.kind {
                reader.report(token, "NextToken", "the output is one page of several: let the AWS CLI fetch every page (leave out --no-paginate and --max-items) and give the whole output")
            }
            guard let resultsValue = object["MetricDataResults"] else {
                reader.report(root, "MetricDataResults", "missing; expected the output of aws cloudwatch get-metric-data")
                return nil
            }
            guard case .array(let results) = resultsValue.kind else {
                reader.report(resultsValue, "MetricDataResults", "expected an array, found \(resultsValue.typeName)")
                return nil
            }
            var series: [(label: String, points: [MetricSeries.Point], value: JSONValue)] = []
            var seenIDs: [String] = []
            for (offset, result) in results.enumerated() {
                let path = "MetricDataResults[\(offset)]"
                guard let result = reader.object(result, path, allowed: resultKeys) else { continue }
                let id = reader.string(result, path, "Id") ?? ""
                seenIDs.append(id)
                guard ids.isEmpty || ids.contains(id) else { continue }
                if let status = reader.string(result, path, "StatusCode"), status != "Complete" {
                    let why = status == "PartialData"
                        ? "more points than one page: let the AWS CLI fetch every page and give the whole output"
                        : "CloudWatch did not return the data (see the result's Messages)"
                    reader.report(result["StatusCode"], "\(path).StatusCode", "\(status): \(why)")
                }
                guard let points = cloudWatchPoints(result, path: path, reader: reader) else { continue }
                let label = reader.string(result, path, "Label").flatMap { $0.isEmpty ? nil : $0 } ?? id
                series.append((label, points, result))
            }
            for id in ids where !seenIDs.contains(id) {
                reader.report(resultsValue, "MetricDataResults", "no result has Id \"\(id)\"; the ids are \(seenIDs.joined(separator: ", "))")
            }
            guard reader.problems.isEmpty else { return nil }
            guard let first = series.first else {
                reader.report(resultsValue, "MetricDataResults", "no results: the query returned no metric")
                return nil
            }
            if first.points.isEmpty {
                reader.report(first.value, "MetricDataResults[0].Timestamps", "no points: the metric has no data in the queried time range")
                return nil
            }
            return MetricSeries(file: file, label: series.map(\.label).joined(separator: " + "), points: sum(series, reader: reader))
        }
    }

    /// The points of one result, sorted oldest first; nil when its arrays are unusable.
    static func cloudWatchPoints(_ result: JSONValue, path: String, reader: FieldReader) -> [MetricSeries.Point]? {
        var arrays: [[JSONValue]] = []
        for key in ["Timestamps", "Values"] {
            guard let value = result[key] else {
                reader.report(result, "\(path).\(key)", "missing; every result of get-metric-data has Timestamps and Values")
                return nil
            }
            guard case .array(let elements) = value.kind else {
                reader.report(value, "\(path).\(key)", "expected an array, found \(value.typeName)")
                return nil
            }
            arrays.append(elements)
        }
        let (timestamps, values) = (arrays[0], arrays[1])
        if timestamps.count != values.count {
            reader.report(result["Values"], "\(path).Values", "\(values.count) values for \(timestamps.count) timestamps; Values[i] pairs with Timestamps[i]")
            return nil
        }
        var points: [MetricSeries.Point] = []
        for (index, (stamp, value)) in zip(timestamps, values).enumerated() {
            guard case .string(let text) = stamp.kind, let time = ClockTime.parse(text) else {
                reader.report(stamp, "\(path).Timestamps[\(index)]", "expected an ISO 8601 time such as 2026-11-02T00:00:00Z, found \(stamp.compactJSON)")
                continue
            }
            guard let number = reader.number(value, "\(path).Values[\(index)]", range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) else { continue }
            if number < 0 {
                reader.report(value, "\(path).Values[\(index)]", "\(FieldReader.format(number)) is negative; rates, counts and lags are never below 0")
                continue
            }
            points.append(MetricSeries.Point(time: time, value: number, line: stamp.line, column: stamp.column))
        }
        return ordered(points, file: reader.file, path: "\(path).Timestamps", report: reader.add)
    }

    /// Sums results point by point; every result must have the first one's timestamps.
    static func sum(_ series: [(label: String, points: [MetricSeries.Point], value: JSONValue)], reader: FieldReader) -> [MetricSeries.Point] {
        var total = series[0].points
        for (offset, other) in series.enumerated().dropFirst() {
            let times = other.points.map(\.time)
            let missing = total.first { !times.contains($0.time) }
            let extra = other.points.first { point in !total.contains { $0.time == point.time } }
            if missing != nil || extra != nil {
                let which = missing.map { "has no point at \(ClockTime.iso8601($0.time)), which \(series[0].label) has" }
                    ?? "has a point at \(ClockTime.iso8601(extra!.time)), which \(series[0].label) has not"
                reader.report(other.value, "MetricDataResults[\(offset)]",
                              "\(other.label) \(which): results summed must share their timestamps (query them with one period, or fill with the metric math FILL(m, 0))")
                continue
            }
            for index in total.indices {
                total[index].value += other.points[index].value
            }
        }
        return total
    }

    /// Points sorted oldest first, reporting duplicates and a mixed order. Newest-first
    /// and oldest-first files are both accepted.
    static func ordered(_ points: [MetricSeries.Point], file: String, path: String, report: (Diagnostic) -> Void) -> [MetricSeries.Point] {
        guard points.count > 1 else { return points }
        var descending: Bool?
        var clean = true
        for (previous, point) in zip(points, points.dropFirst()) {
            if point.time == previous.time {
                report(Diagnostic(file: file, line: point.line, column: point.column, path: path,
                                  message: "duplicate timestamp \(ClockTime.iso8601(point.time)) (also at line \(previous.line)); each instant may appear once"))
                clean = false
                continue
            }
            let down = point.time < previous.time
            if let descending, descending != down {
                report(Diagnostic(file: file, line: point.line, column: point.column, path: path,
                    message: "timestamps out of order: \(ClockTime.iso8601(point.time)) follows \(ClockTime.iso8601(previous.time)) in a series running \(descending ? "newest" : "oldest") first; sort the rows"))
                clean = false
                break
            }
            descending = down
        }
        guard clean else { return points }
        return descending == true ? points.reversed() : points
    }

    /// `timestamp,value` CSV.
    static func parseCSV(_ text: String, file: String) throws(DiagnosticError) -> MetricSeries {
        var problems: [Diagnostic] = []
        var points: [MetricSeries.Point] = []
        var label = ""
        let rows = CSVReader.rows(text)
        for (offset, row) in rows.enumerated() {
            let cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if offset == 0, let first = cells.first, timestamp(first) == nil, Double(first) == nil {
                guard cells.count == 2 else {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "", message: "expected a header of two columns (timestamp,value), found \(cells.count)"))
                    break
                }
                label = cells[1]
                continue
            }
            guard cells.count == 2 else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "",
                                           message: "expected 2 cells (timestamp,value), found \(cells.count)\(cells.count == 1 ? "; is the file cut short?" : "")"))
                continue
            }
            let valueColumn = row.column(1)
            guard let time = timestamp(cells[0]) else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, path: "timestamp",
                                           message: "\"\(cells[0])\" is not an ISO 8601 time (2026-11-02T00:00:00Z) or Unix epoch seconds"))
                continue
            }
            guard let value = Double(cells[1]), value.isFinite else {
                problems.append(Diagnostic(file: file, line: row.line, column: valueColumn, path: "value",
                                           message: cells[1].isEmpty ? "missing" : "\"\(cells[1])\" is not a number\(CSVTable.unitHint(cells[1]))"))
                continue
            }
            guard value >= 0 else {
                problems.append(Diagnostic(file: file, line: row.line, column: valueColumn, path: "value",
                                           message: "\(cells[1]) is negative; rates, counts and lags are never below 0"))
                continue
            }
            points.append(MetricSeries.Point(time: time, value: value, line: row.line, column: 1))
        }
        if problems.isEmpty {
            if points.isEmpty {
                problems.append(Diagnostic(file: file, message: "no points; expected rows of timestamp,value"))
            }
            points = ordered(points, file: file, path: "timestamp") { problems.append($0) }
        }
        if !problems.isEmpty { throw DiagnosticError(problems: problems) }
        return MetricSeries(file: file, label: label, points: points)
    }

    /// An ISO 8601 time or Unix epoch seconds (milliseconds from 10^12 on) as Unix milliseconds.
    static func timestamp(_ text: String) -> Int64? {
        if let time = ClockTime.parse(text) { return time }
        guard let number = Double(text), number.isFinite, number >= 0, number < 1e16 else { return nil }
        return number >= 1e12 ? Int64(number.rounded()) : Int64((number * 1_000).rounded())
    }
}
