import EventEngine

/// The function's execution environments: which invocation starts warm, which needs a
/// new environment (a cold start), and which the concurrency scaling rate throttles.
///
/// A value owned by the function, not by one ESM, so mappings that share a function
/// can share one pool. Starts and ends must be applied in time order (ends first within
/// a tick, so an environment freed at an instant can serve a start at that instant).
///
/// - Provisioned concurrency: `provisioned` environments are initialized before the run,
///   never reclaimed, and serve starts first (DOC provisioned-concurrency). Environments
///   are interchangeable, so the pool counts the first `provisioned` busy ones as the
///   provisioned ones; when a provisioned one frees while an on-demand one runs, they
///   trade roles, which moves only when that on-demand environment's idle time starts.
/// - On-demand environments: an idle one serves the next start, the most recently freed
///   first (assumed: Lambda's routing is not documented; this lets surplus environments
///   age out); one idle for `idleLifetime` is reclaimed.
/// - A start with no idle environment creates one, a cold start, if `scalingRate` allows
///   (DOC scaling-behavior); otherwise it is throttled.
public struct ExecutionEnvironmentPool: Equatable, Sendable {
    /// Where an invocation starting now runs.
    public enum Assignment: Equatable, Sendable {
        /// An idle provisioned-concurrency environment: warm.
        case provisioned
        /// An idle on-demand environment: warm.
        case warm
        /// A new environment: the invocation pays its initialization first.
        case cold
        /// No environment: the scaling rate allows no new one now.
        case throttled
    }

    /// Environments kept initialized by provisioned concurrency.
    public let provisioned: Int
    /// How long an on-demand environment stays idle before it is reclaimed, in ticks.
    public let idleLifetime: SimTime
    /// New environments created so far, against the scaling rate.
    public private(set) var scalingRate: EnvironmentScalingRate
    /// Environments running an invocation.
    public private(set) var busy = 0
    /// New environments created so far: each one's first invocation was a cold start.
    public private(set) var coldStarts: Int64 = 0
    /// When each idle on-demand environment was freed, oldest first; entries before
    /// `idleHead` are reclaimed.
    private var idleSince: [SimTime] = []
    private var idleHead = 0

    /// A pool with `provisioned` always-warm environments and no on-demand ones yet.
    public init(provisioned: Int, scalingRate: EnvironmentScalingRate, idleLifetime: SimTime) {
        self.provisioned = max(0, provisioned)
        self.scalingRate = scalingRate
        self.idleLifetime = max(1, idleLifetime)
    }

    /// Where an invocation starting at `now` would run; changes nothing.
    ///
    /// - Complexity: O(1).
    public func assignment(at now: SimTime) -> Assignment {
        if busy < provisioned { return .provisioned }
        if idleHead < idleSince.count, let newest = idleSince.last, newest + idleLifetime > now { return .warm }
        return scalingRate.allows(at: now) ? .cold : .throttled
    }

    /// Starts an invocation at `now` where `assignment(at:)` says; a throttled one changes nothing.
    ///
    /// - Complexity: O(1) amortized.
    @discardableResult
    public mutating func acquire(at now: SimTime) -> Assignment {
        reclaim(at: now)
        let assignment = assignment(at: now)
        switch assignment {
        case .provisioned:
            busy += 1
        case .warm:
            idleSince.removeLast()
            busy += 1
        case .cold:
            scalingRate.record(at: now)
            coldStarts += 1
            busy += 1
        case .throttled:
            break
        }
        return assignment
    }

    /// Ends an invocation at `now`: its environment goes idle.
    ///
    /// - Complexity: O(1) amortized.
    public mutating func release(at now: SimTime) {
        precondition(busy > 0, "an invocation ended with no environment busy")
        busy -= 1
        if busy >= provisioned { idleSince.append(now) }
    }

    /// On-demand environments idle at `now` and not yet reclaimed.
    ///
    /// - Complexity: O(idle environments).
    public func idleOnDemand(at now: SimTime) -> Int {
        idleSince[idleHead...].reduce(0) { $0 + ($1 + idleLifetime > now ? 1 : 0) }
    }

    /// Whether the scaling rate could ever throttle a function that runs at most
    /// `maximumConcurrency` invocations at once.
    ///
    /// It cannot when the on-demand environments needed at once fit in one window's
    /// allowance and none is reclaimed within a window: every environment created in a
    /// window is then still alive at its end, and each was created because all the
    /// others were busy, so no window sees more creations than that concurrency.
    public func scalingRateCanBind(maximumConcurrency: Int) -> Bool {
        maximumConcurrency - provisioned > scalingRate.limit || idleLifetime < scalingRate.window
    }

    /// Moves every remembered time `shift` later, as a compressed step moves the run
    /// (`ESMSimulation+Compression`): idle environments keep their idle age.
    public mutating func shift(by shift: SimTime) {
        for index in idleSince.indices { idleSince[index] += shift }
        scalingRate.shift(by: shift)
    }

    /// Drops the on-demand environments idle for `idleLifetime` by `now`.
    private mutating func reclaim(at now: SimTime) {
        while idleHead < idleSince.count, idleSince[idleHead] + idleLifetime <= now { idleHead += 1 }
        // Keeps the array proportional to the idle environments, not to all ever freed.
        if idleHead >= 64 && idleHead * 2 >= idleSince.count {
            idleSince.removeFirst(idleHead)
            idleHead = 0
        }
    }
}
