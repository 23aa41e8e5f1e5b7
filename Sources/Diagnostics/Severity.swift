/// How bad a finding is, as Bandit and SARIF grade it.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
}

/// How sure a rule is that a finding is real.
public enum Confidence: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
    var rank: Int { Confidence.allCases.firstIndex(of: self) ?? 0 }
}
