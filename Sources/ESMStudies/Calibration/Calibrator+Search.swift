import ESMScenarios
import ESMFormats
import ESMModel

extension Calibrator {
    /// The objective of candidate profiles during one fit, remembered by the fitted
    /// constants' values so a point the search comes back to is never simulated twice.
    struct Objective {
        let calibrator: Calibrator
        let fitted: [ProfileConstant]
        private var known: [[Double]: Double] = [:]
        /// How many candidates were simulated.
        private(set) var evaluations = 0

        init(calibrator: Calibrator, fitted: [ProfileConstant]) {
            self.calibrator = calibrator
            self.fitted = fitted
        }

        /// The sum of squared residuals, in tolerances.
        mutating func callAsFunction(_ candidate: BehaviourProfile) -> Double {
            let key = fitted.map { candidate[keyPath: $0.keyPath] }
            if let value = known[key] { return value }
            evaluations += 1
            let value = calibrator.residuals(for: candidate).reduce(0) { $0 + $1.normalized * $1.normalized }
            known[key] = value
            return value
        }
    }

    /// Coordinate descent from `start`: for each constant in catalogue order, steps one
    /// grid step either side, doubling the distance while the objective does not get
    /// worse (crossing plateaus), and keeps the best strictly better value; rounds repeat
    /// until one changes nothing. Ties keep the current value.
    ///
    /// - Complexity: O(rounds × constants × log(range / step)) objective evaluations.
    func descend(from start: BehaviourProfile, objective: inout Objective, report: (String) -> Void) -> (profile: BehaviourProfile, objective: Double) {
        var current = start
        var best = objective(current)
        for round in 1...Self.maximumRounds {
            var changed = false
            for constant in objective.fitted {
                let from = current[keyPath: constant.keyPath]
                var bestValue = from
                for direction in [1.0, -1.0] {
                    var steps = 1.0
                    while true {
                        let value = Self.snap(from + direction * steps * constant.search.step, to: constant.search)
                        guard constant.search.range.contains(value), value != from else { break }
                        var candidate = current
                        candidate[keyPath: constant.keyPath] = value
                        let score = objective(candidate)
                        // Walk on across plateaus (a threshold constant often changes
                        // nothing until it crosses one); stop once it gets worse.
                        guard score <= best + Self.objectiveResolution else { break }
                        if score < best - Self.objectiveResolution {
                            best = score
                            bestValue = value
                        }
                        steps *= 2
                    }
                }
                if bestValue != from {
                    current[keyPath: constant.keyPath] = bestValue
                    changed = true
                    report("round \(round): \(constant.name) \(ProfileStore.formatValue(from)) -> \(ProfileStore.formatValue(bestValue)), objective \(CSVFormat.decimal(best, places: 4))")
                }
            }
            if !changed { break }
        }
        return (current, best)
    }

    /// Descends from `start`, then (up to `restarts` times) restarts the descent from the
    /// result with each fitted constant in turn moved `restartMove` either way (in catalogue
    /// order, down first), taking the first restart that ends strictly better and starting
    /// the restarts over from there. Coordinate descent alone stops wherever no single constant can improve
    /// the fit, which for constants that act together (an actuation delay and a rebalance
    /// pause both stretch a ramp) is often short of the best fit; a restart moves one
    /// constant far enough for the others to follow. Unless the restarts run out, the
    /// result is a fixed point: no single step and no restart improves it, so fitting it
    /// again returns it unchanged.
    ///
    /// - Complexity: at most `restarts` + 1 passes of 2 × constants descents; the
    ///   objective's memory makes a descent that returns to known ground cheap.
    func search(from start: BehaviourProfile, restarts: Int, objective: inout Objective, progress: (String) -> Void) -> (profile: BehaviourProfile, objective: Double) {
        var (current, best) = descend(from: start, objective: &objective, report: progress)
        var restarted = 0
        passes: while restarted < restarts {
            for constant in objective.fitted {
                let value = current[keyPath: constant.keyPath]
                for factor in [1 - Self.restartMove, 1 + Self.restartMove] {
                    let moved = Self.moved(value, by: factor, on: constant.search)
                    guard moved != value else { continue }
                    var restart = current
                    restart[keyPath: constant.keyPath] = moved
                    let (candidate, score) = descend(from: restart, objective: &objective, report: { _ in })
                    guard score < best - Self.objectiveResolution else { continue }
                    let changes = objective.fitted.filter { candidate[keyPath: $0.keyPath] != current[keyPath: $0.keyPath] }.map {
                        "\($0.name) \(ProfileStore.formatValue(current[keyPath: $0.keyPath])) -> \(ProfileStore.formatValue(candidate[keyPath: $0.keyPath]))"
                    }
                    progress("restart from \(constant.name) = \(ProfileStore.formatValue(moved)): \(changes.joined(separator: ", ")), objective \(CSVFormat.decimal(score, places: 4))")
                    (current, best) = (candidate, score)
                    restarted += 1
                    continue passes
                }
            }
            break
        }
        return (current, best)
    }

    /// `value` times `factor` on `grid`, at least one grid step away from `value` in the
    /// factor's direction, and within the grid's range (so `value` itself at that edge).
    /// A zero moves by one step: a relative move of nothing is nothing.
    static func moved(_ value: Double, by factor: Double, on grid: ProfileConstant.SearchGrid) -> Double {
        var moved = snap(value * factor, to: grid)
        if moved == value { moved = snap(value + (factor > 1 ? grid.step : -grid.step), to: grid) }
        return min(max(moved, grid.range.lowerBound), grid.range.upperBound)
    }
}
