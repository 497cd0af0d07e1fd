import ESMFormats
import ESMScenarios

extension EnsemblePlan {
    /// The figures each row of the tables and `ensemble-plan.csv` shows.
    static let metrics = [SummaryRecord.drainTime, SummaryRecord.peakOffsetLag, SummaryRecord.recordAgeP99, SummaryRecord.totalCost, SummaryRecord.monthlyCost]

    /// One row: what it is, whose figures, the settings, whether it meets the target, the figures and the misses.
    static func cells(_ kind: String, _ member: String, _ candidate: PlanCandidate) -> [String] {
        [kind, member] + candidate.settings + [candidate.meetsTarget ? "yes" : "no"]
            + metrics.map { candidate.record[$0] ?? "" } + [candidate.misses.joined(separator: "; ")]
    }

    /// `ensemble-plan.csv`: each member's own pick (`member_pick`), then with `--robust` the
    /// robust pick (`robust`, figures of its worst member) and the optimistic pick under its
    /// worst member (`optimistic_risk`). A member with no pick has a row with empty settings.
    public var csv: String {
        var rows = [["kind", "member"] + PlanReport.settingColumns + ["meets_target"] + Self.metrics + ["misses"]]
        for (member, report) in memberReports {
            if let pick = report.meeting.first {
                rows.append(Self.cells("member_pick", member, pick))
            } else {
                rows.append(["member_pick", member] + PlanReport.settingColumns.map { _ in "" } + ["no"] + Self.metrics.map { _ in "" } + ["no configuration meets the target"])
            }
        }
        if let pick = robust?.meeting.first { rows.append(Self.cells("robust", pick.worstMember ?? "", pick)) }
        if let risk = optimisticRisk { rows.append(Self.cells("optimistic_risk", risk.worstMember ?? "", risk)) }
        return rows.map(CSVFormat.line).joined(separator: "\n") + "\n"
    }

    /// The readable report.
    public func text(setName: String) -> String {
        guard let plan = memberReports.first?.report.plan else { return "" }
        var text = "plan \(plan.file) under profile set \(setName) (\(Plural.count(memberReports.count, "member"))): target \(plan.target.description)\n"
        text += "\nWhat each member alone would pick (its cheapest configuration meeting the target):\n"
        let header = ["member", "mode", "min", "max", "batch", "window_s", "memory", "partitions"] + Self.metrics
        let rows = memberReports.map { member, report in
            guard let pick = report.meeting.first else { return [member, "none meets the target"] + Array(repeating: "", count: header.count - 2) }
            return [member] + row(pick)
        }
        text += TextTable.render(header: header, rows: rows) + "\n"
        if let optimistic {
            text += "\nMost optimistic member: \(optimistic.member), whose pick costs \(CSVFormat.decimal(optimistic.pick.cost, places: 6)) USD.\n"
        } else {
            text += "\nNo member finds a configuration in the space that meets the target.\n"
        }
        if let robust {
            text += "\nRobust: the cheapest configuration meeting the target under EVERY member "
            text += "(figures of its worst member; cost of its costliest):\n"
            if let pick = robust.meeting.first {
                text += TextTable.render(header: ["worst member"] + Array(header.dropFirst()), rows: [[pick.worstMember ?? "-"] + row(pick, cost: pick.cost)]) + "\n"
            } else {
                text += "NO configuration in the space meets the target under every member. Closest:\n"
                text += TextTable.render(header: ["worst member"] + Array(header.dropFirst()) + ["misses"], rows: robust.closest.prefix(plan.show).map {
                    [$0.worstMember ?? "-"] + row($0, cost: $0.cost) + [$0.misses.joined(separator: "; ")]
                }) + "\n"
            }
            if let risk = optimisticRisk, let optimistic {
                text += "\nWhat trusting \(optimistic.member) alone risks: its pick under the worst member, \(risk.worstMember ?? "-"): "
                text += risk.meetsTarget ? "it still meets the target (" : "it MISSES the target ("
                text += "drain \(risk.record[SummaryRecord.drainTime].map { $0.isEmpty ? "never" : $0 + " s" } ?? "-")"
                text += plan.target.maxDrainSeconds.map { " against \(CSVFormat.decimal($0, places: 1)) s" } ?? ""
                text += ", peak offset lag \(risk.record[SummaryRecord.peakOffsetLag] ?? "-")"
                text += plan.target.maxPeakOffsetLag.map { " against \(CSVFormat.decimal($0, places: 0))" } ?? ""
                text += ", p99 record age \(risk.record[SummaryRecord.recordAgeP99] ?? "-") s"
                text += plan.target.maxRecordAgeP99Seconds.map { " against \(CSVFormat.decimal($0, places: 1)) s" } ?? ""
                text += ")" + (risk.meetsTarget ? "" : "; misses: " + risk.misses.joined(separator: "; ")) + "\n"
            }
        }
        return text + "\n\(Plural.count(simulations, "simulation")) in all\n"
    }

    /// A candidate's settings and figures; `cost` replaces its total cost (the costliest member's).
    func row(_ candidate: PlanCandidate, cost: Double? = nil) -> [String] {
        candidate.settings.map { $0.isEmpty ? "-" : $0 } + Self.metrics.map { metric in
            if metric == SummaryRecord.totalCost, let cost { return ProfileStore.formatValue(cost) }
            return candidate.record[metric].map { $0.isEmpty ? "-" : $0 } ?? "-"
        }
    }
}
