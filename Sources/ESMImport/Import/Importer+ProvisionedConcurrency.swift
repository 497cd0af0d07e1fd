extension Importer {
    /// Gives `mapping` the provisioned concurrency of the version or alias its
    /// `FunctionName` invokes, or says plainly in its notes why none of `configurations`
    /// applies: its function is not known, it invokes the function unqualified (`$LATEST`,
    /// which cannot have provisioned concurrency), or the configurations are on other
    /// qualifiers. A configuration that names no function (`get-provisioned-concurrency-config`)
    /// is taken to be the invoked alias's, and the report says so.
    static func pairProvisionedConcurrency(_ mapping: inout ImportedMapping, configurations: [ImportedProvisionedConcurrency]) {
        guard !configurations.isEmpty else { return }
        let sources = configurations.map(\.source).joined(separator: "; ")
        guard let target = mapping.target else {
            mapping.notes.append("provisioned concurrency not used: the mapping's function is not known (its FunctionName is not resolved), so which of \(sources) applies cannot be told")
            return
        }
        let sameFunction = configurations.filter { $0.target.map(target.sameFunction) ?? false }
        if let qualifier = target.qualifier {
            let matching = sameFunction.filter { $0.target?.qualifier == qualifier }
            if let chosen = matching.first {
                if matching.count > 1 {
                    mapping.notes.append("provisioned concurrency: \(matching.count) configurations for \(target.description) (\(matching.map(\.source).joined(separator: "; "))): the first is used")
                }
                use(chosen, for: &mapping)
                return
            }
            if let unnamed = configurations.first(where: { $0.target == nil }) {
                mapping.notes.append("provisioned concurrency: \(unnamed.source) does not say which function or alias it is for (the command prints neither): taken as that of \(target.description), which the mapping invokes")
                use(unnamed, for: &mapping)
                return
            }
        }
        let elsewhere = sameFunction.compactMap { configuration in configuration.target.map { "\($0.description) (\(configuration.source))" } }
        if !elsewhere.isEmpty {
            mapping.notes.append("provisioned concurrency not used: it is configured on \(elsewhere.joined(separator: ", ")), but the mapping invokes \(target.description)")
        } else if target.qualifier == nil, let unnamed = configurations.first(where: { $0.target == nil }) {
            mapping.notes.append("provisioned concurrency not used: the mapping invokes \(target.description), which cannot have provisioned concurrency, so \(unnamed.source) does not apply to it")
        } else {
            mapping.notes.append("provisioned concurrency not used: none of \(sources) is for \(target.label)")
        }
    }

    /// Takes `configuration` as the mapping's, with its notes.
    private static func use(_ configuration: ImportedProvisionedConcurrency, for mapping: inout ImportedMapping) {
        mapping.notes += configuration.notes.map { "provisioned concurrency (\(configuration.source)): \($0)" }
        guard configuration.executions != nil else {
            mapping.notes.append("provisioned concurrency not used: its count is not resolved")
            return
        }
        mapping.provisionedConcurrency = configuration
    }
}
