import EventEngine

/// A moment outside a partition's cycle that only reads the model: the end of an EPU
/// metering period, a scaler reading, or a sample.
///
/// Each reads the state as of the start of its tick, before any batch event of that tick:
/// a metering period takes the bytes fetched before its end, and a sample or reading
/// scheduled a whole interval ahead comes before every batch event scheduled less than
/// that far ahead (`CycleReplay.longestLead` says whether all were). Within a tick the
/// period ends first, because a sample reads the EPUs it leaves.
struct OutsideMoment: Comparable {
    enum Kind: Int {
        case meterBoundary, reading, sample
    }

    var time: SimTime
    var kind: Kind

    static func < (lhs: OutsideMoment, rhs: OutsideMoment) -> Bool {
        (lhs.time, lhs.kind.rawValue) < (rhs.time, rhs.kind.rawValue)
    }
}
