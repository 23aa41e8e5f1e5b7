import Diagnostics

/// Everything known about a rule, in one place: the registry, `rules`, the docs and the
/// example verifier all read it from here.
public struct RuleDescription: Sendable {
    /// Our code, such as `ASC602`.
    public var code: String
    /// Short kebab-case name, such as `subprocess-shell-true`.
    public var name: String
    /// The Bandit check this rule covers (`B602`), so `# nosec B602` and policies naming
    /// Bandit ids keep working.
    public var banditID: String?
    /// CWE number (78 for OS command injection).
    public var cwe: Int
    public var severity: Severity
    public var confidence: Confidence
    /// Why it matters and what to write instead.
    public var rationale: String
    /// Whether the built-in fixer has a safe mechanical edit for it.
    public var fixAvailable: Bool
    /// Code that must trigger the rule. A `↓` marks where each finding starts.
    public var triggering: [String]
    /// Code that must not trigger it.
    public var nonTriggering: [String]
    /// Runs only when a policy's `enable` names it (its code, Bandit id, Ruff code, or a
    /// prefix of those; a CWE id does not): Bandit's low-severity "this import deserves a
    /// review" checks, which flag every file using the module whatever it does with it.
    public var optIn: Bool

    public init(code: String, name: String, banditID: String? = nil, cwe: Int, severity: Severity, confidence: Confidence,
                rationale: String, fixAvailable: Bool = false, optIn: Bool = false, triggering: [String], nonTriggering: [String]) {
        self.code = code
        self.name = name
        self.banditID = banditID
        self.cwe = cwe
        self.severity = severity
        self.confidence = confidence
        self.rationale = rationale
        self.fixAvailable = fixAvailable
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.optIn = optIn
    }

    /// Ruff's code for the same Bandit check (`S602` for `B602`).
    public var ruffCode: String? { banditID.map { "S" + $0.dropFirst() } }

    /// `CWE-78`.
    public var cweID: String { "CWE-\(cwe)" }

    /// Whether a policy or suppression selector (code, Bandit id, Ruff code, CWE id, or a
    /// prefix such as `B6` or `ASC`) names this rule.
    public func matches(selector: String) -> Bool {
        let selector = selector.uppercased()
        if selector == cweID { return true }
        return isNamed(by: selector)
    }

    /// Whether the selector is one of the rule's codes or a prefix of one (not its CWE).
    public func isNamed(by selector: String) -> Bool {
        let selector = selector.uppercased()
        guard !selector.isEmpty else { return false }
        for id in [code, banditID, ruffCode].compactMap({ $0 }) where id.hasPrefix(selector) {
            return true
        }
        return false
    }
}
