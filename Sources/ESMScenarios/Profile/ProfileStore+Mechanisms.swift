import ESMFormats
import ESMModel

extension ProfileStore {
    /// Reads an optional `alternativeTo`: the name of the profile of the same service.
    static func readAlternative(_ object: JSONValue, into profile: inout BehaviourProfile, reader: FieldReader) {
        guard let alternative = reader.string(object, "", "alternativeTo") else { return }
        if alternative.isEmpty || alternative == profile.name {
            reader.report(object["alternativeTo"], "alternativeTo", "must name another profile (the one whose published figures this profile is an alternative reading of)")
            return
        }
        profile.alternativeTo = alternative
    }

    /// Reads a mechanism entry: a string value among the setting's choices, and no unit.
    static func readSetting(
        _ setting: ProfileSetting, _ object: JSONValue, _ path: String, into profile: inout BehaviourProfile, reader: FieldReader
    ) {
        if object["unit"] != nil {
            reader.report(object["unit"], "\(path).unit", "\(setting.name) is a mechanism, not a measured constant: it takes no unit")
        }
        guard object["value"] != nil else {
            reader.report(object, "\(path).value", "missing; expected one of \(setting.choices.joined(separator: ", "))")
            return
        }
        if let choice = reader.choice(object, path, "value", choices: setting.choices) {
            setting.write(&profile, choice)
        }
    }
}

extension BehaviourProfile {
    /// Whether the profile's file lists `constant`: always for a required one; an
    /// optional one only when documented or away from its default.
    func lists(_ constant: ProfileConstant) -> Bool {
        guard let defaultValue = constant.defaultValue else { return true }
        return self[keyPath: constant.keyPath] != defaultValue || notes.contains { $0.name == constant.name }
    }

    /// Whether the profile's file lists `setting`: when documented or away from its default.
    func lists(_ setting: ProfileSetting) -> Bool {
        setting.read(self) != setting.defaultChoice || notes.contains { $0.name == setting.name }
    }
}

extension BehaviourProfile {
    /// Whether `constant` matters to the profile: listed in its file, or read by one of
    /// its mechanisms (the growth constants, under multiplicative growth).
    public func listsOrUses(_ constant: ProfileConstant) -> Bool {
        if lists(constant) { return true }
        let mode = constant.name.hasPrefix("provisioned.") ? provisioned : onDemand
        return mode.pollerGrowth == .multiplicative
    }
}
