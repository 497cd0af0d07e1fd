import ESMFormats
import ESMModel
import Foundation

/// A named, documented set of behaviour profiles that all fit the evidence: the members
/// of an ensemble (`--ensemble NAME|FILE`).
///
/// A set file is `{"name": ..., "description": ..., "members": [...]}`; each member is a
/// shipped profile's name or the path of a profile `.json` file (relative to the set
/// file's folder). The shipped sets are the files in `ProfileSets/`, compiled into the
/// binary (`ProfileSet+Shipped`).
public struct ProfileSet: Sendable, Equatable {
    /// One member: the name it is reported under (its profile's name) and its profile.
    public struct Member: Sendable, Equatable {
        /// The profile's name, unique within the set.
        public var name: String
        /// The profile.
        public var profile: BehaviourProfile

        /// A member.
        public init(name: String, profile: BehaviourProfile) {
            self.name = name
            self.profile = profile
        }
    }

    /// The set's name.
    public var name: String
    /// What the set holds and why, for help and reports.
    public var description: String
    /// The members, in file order (at least one).
    public var members: [Member]

    /// A set of loaded profiles (at least one, names unique: the caller's promise).
    public init(name: String, description: String, members: [Member]) {
        precondition(!members.isEmpty, "a profile set has at least one member")
        self.name = name
        self.description = description
        self.members = members
    }

    /// The members' names, in order.
    public var memberNames: [String] { members.map(\.name) }
}
