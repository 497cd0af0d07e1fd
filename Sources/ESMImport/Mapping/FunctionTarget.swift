/// What a mapping's `FunctionName` points at, or what a provisioned concurrency
/// configuration is configured on: a function, and which version or alias of it.
///
/// Provisioned concurrency belongs to one qualifier (API PutProvisionedConcurrencyConfig
/// takes a version or an alias, never `$LATEST`), and a mapping uses it only when its
/// `FunctionName` invokes that qualifier: an unqualified name invokes `$LATEST`.
struct FunctionTarget: Equatable, Sendable {
    /// Names that identify the function: its bare name, and in a template its logical ID.
    /// Two targets are the same function when these share one.
    var names: Set<String>
    /// The alias name or version, as its file gives it (in a template, `version of ID` for
    /// an `AWS::Lambda::Version` resource); nil for an unqualified name (`$LATEST`).
    var qualifier: String?
    /// The function as messages name it (`orders`, or a template's logical ID).
    var label: String

    /// `label:qualifier`, or the label alone when unqualified.
    var description: String { qualifier.map { "\(label):\($0)" } ?? "\(label) (unqualified: $LATEST)" }

    /// The target of a name, partial ARN or ARN: `orders`, `orders:live`,
    /// `123456789012:function:orders:7`, `arn:aws:lambda:r:a:function:orders:live`.
    /// `$LATEST` is the unqualified function.
    init(reference: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name: String
        var qualifier: String?
        if let index = parts.firstIndex(of: "function"), index + 1 < parts.count {
            name = parts[index + 1]
            if index + 2 < parts.count { qualifier = parts[index + 2] }
        } else {
            name = parts.first ?? reference
            if parts.count == 2 { qualifier = parts[1] }
        }
        self.init(names: [name], qualifier: qualifier, label: name)
    }

    /// A target from its parts; an empty qualifier or `$LATEST` is unqualified.
    init(names: Set<String>, qualifier: String?, label: String) {
        self.names = names
        self.qualifier = qualifier == "$LATEST" || qualifier == "" ? nil : qualifier
        self.label = label
    }

    /// Whether `other` names the same function (whatever its qualifier).
    func sameFunction(as other: FunctionTarget) -> Bool { !names.isDisjoint(with: other.names) }
}
