import ESMScenarios
import EventEngine
/// One configuration of a plan's space that was simulated (or priced from a simulation
/// that differs only in memory), with its summary and how it fares against the target.
public struct PlanCandidate: Sendable {
    /// Where the configuration stands in the space's enumeration, for stable ordering.
    let order: [Int]
    /// The configuration's settings, under `PlanReport.settingColumns`.
    public let settings: [String]
    /// Its summary row; under an ensemble, its worst member's (`worstMember`).
    public let record: SummaryRecord
    /// The target's limits it misses; empty when it meets the target.
    public let misses: [String]
    /// How far it is from the target (0 when it meets it).
    let shortfall: Double
    /// Under an ensemble, the member whose outcome `record` is: the one furthest from the
    /// target, then slowest to drain, then costliest; nil with one profile.
    public var worstMember: String? = nil
    /// Under an ensemble, the most any member's run costs; nil with one profile.
    var worstCost: Double? = nil
    /// The settings that make the configuration (memory aside), to run it again.
    var changes: [ScenarioTemplate.Change] = []
    /// Whether it is in provisioned mode.
    var provisioned = false
    /// Whether a run of it stopped once it could no longer meet the target (`PlanTarget.cutoff`),
    /// so its figures are partial; a candidate meeting the target never is.
    public var isPartial = false
    /// When a run of it spent its event budget (`RunSummary.eventBudgetSpentAt`) and so
    /// says nothing about the target; the plan then fails (`CapacityPlanner.checkFinished`).
    var budgetSpentAt: SimTime? = nil

    /// Whether it meets the target.
    public var meetsTarget: Bool { misses.isEmpty }
    /// Its total cost in US dollars; under an ensemble, the costliest member's.
    public var cost: Double { worstCost ?? record.number(SummaryRecord.totalCost) ?? .infinity }
    /// Its drain time in seconds (infinite when it never drained).
    public var drainTime: Double { record.number(SummaryRecord.drainTime) ?? .infinity }
}

extension PlanCandidate {
    /// A configuration run under each of `members` (one record each, in member order),
    /// judged against `target` by its worst member: it meets the target only if every
    /// member does, and its misses name the member that misses.
    /// `cutOffs` says, per member, when a `RunCutoff` stopped its run (nil: it ran to the end);
    /// a stopped run misses with partial figures.
    init(order: [Int], settings: [String], records: [SummaryRecord], cutOffs: [SimTime?], members: [String], target: PlanTarget,
         changes: [ScenarioTemplate.Change], provisioned: Bool) {
        let judged = zip(records, cutOffs).map { record, cutOffAt in
            if let cutOffAt { return (record: record, misses: target.misses(record, cutOffAt: cutOffAt), shortfall: target.shortfall(record, cutOffAt: cutOffAt)) }
            return (record: record, misses: target.misses(record), shortfall: target.shortfall(record))
        }
        var worst = 0
        for index in judged.indices.dropFirst() {
            let (candidate, current) = (judged[index], judged[worst])
            let candidateKey = (candidate.shortfall, candidate.record.number(SummaryRecord.drainTime) ?? .infinity, candidate.record.number(SummaryRecord.totalCost) ?? .infinity)
            let currentKey = (current.shortfall, current.record.number(SummaryRecord.drainTime) ?? .infinity, current.record.number(SummaryRecord.totalCost) ?? .infinity)
            if candidateKey > currentKey { worst = index }
        }
        let single = records.count == 1
        let misses = single ? judged[0].misses : zip(members, judged).flatMap { member, judged in judged.misses.map { "\(member): \($0)" } }
        self.init(order: order, settings: settings, record: judged[worst].record, misses: misses, shortfall: judged[worst].shortfall)
        self.changes = changes
        self.provisioned = provisioned
        isPartial = cutOffs.contains { $0 != nil }
        if !single {
            worstMember = members[worst]
            worstCost = records.map { $0.number(SummaryRecord.totalCost) ?? .infinity }.max()
        }
    }
}
