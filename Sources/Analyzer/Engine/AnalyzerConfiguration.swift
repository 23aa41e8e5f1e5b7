import Diagnostics

/// Which rules run and which findings are kept; built from the policy's `analyzer` section.
public struct AnalyzerConfiguration: Sendable {
    public var minSeverity: Severity
    public var minConfidence: Confidence
    /// Selectors (code, Bandit id, Ruff code, CWE id, or a prefix); empty runs every rule
    /// that is not opt-in (`RuleDescription.optIn`), which run only when named here.
    public var enable: [String]
    public var disable: [String]

    public init(minSeverity: Severity = .low, minConfidence: Confidence = .low, enable: [String] = [], disable: [String] = []) {
        self.minSeverity = minSeverity
        self.minConfidence = minConfidence
        self.enable = enable
        self.disable = disable
    }

    func isEnabled(_ rule: RuleDescription) -> Bool {
        if disable.contains(where: rule.matches(selector:)) { return false }
        if rule.optIn { return enable.contains(where: rule.isNamed(by:)) }
        return enable.isEmpty || enable.contains(where: rule.matches(selector:))
    }
}
