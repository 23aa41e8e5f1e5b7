/// Every rule, registered once. A test checks that each rule file is listed here, that codes
/// are unique and that every rule has a CWE and both kinds of example.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        ExecRule.self,
        PickleRule.self,
        EvalRule.self,
        WeakHashRule.self,
        RequestsVerifyFalseRule.self,
        YAMLLoadRule.self,
        SubprocessShellTrueRule.self,
        OSSystemRule.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
