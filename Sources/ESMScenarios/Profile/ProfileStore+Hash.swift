import ESMFormats
import ESMModel
import Foundation

extension ProfileStore {
    /// The profile's identity in outputs: the first 12 hex digits of the 64-bit FNV-1a hash
    /// of its rendered text (`render`), so two runs with the same hash ran with the same
    /// constants, units, provenance and evidence, whatever file or name they came from.
    /// - Complexity: O(profile text) the first time for a profile, O(1) after (the last
    ///   few profiles are remembered, as sweeps run one profile many times).
    public static func hash(_ profile: BehaviourProfile) -> String {
        ProfileHashCache.shared.hash(profile)
    }
}

/// The hashes of the profiles hashed last: sweeps and plans price thousands of runs of one profile.
final class ProfileHashCache: @unchecked Sendable {
    static let shared = ProfileHashCache()
    private let lock = NSLock()
    private var recent: [(profile: BehaviourProfile, hash: String)] = []

    func hash(_ profile: BehaviourProfile) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = recent.first(where: { $0.profile == profile }) { return known.hash }
        let hash = String(ContentHash(ProfileStore.render(profile)).hex.prefix(12))
        recent.insert((profile, hash), at: 0)
        if recent.count > 4 { recent.removeLast() }
        return hash
    }
}
