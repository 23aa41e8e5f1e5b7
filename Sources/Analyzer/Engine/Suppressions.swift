import PythonSyntax

/// Suppression comments: `# nosec`, `# nosec B602`, `# noqa: S602`, and
/// `# autosafecoder: ignore[CWE-78]`, on the finding's line or the first line of its statement.
struct Suppressions {
    private let map: SourceMap

    init(map: SourceMap) { self.map = map }

    func suppresses(_ finding: Finding, rule: RuleDescription, statementLine: Int?) -> Bool {
        var lines = [finding.line]
        if let statementLine, statementLine != finding.line { lines.append(statementLine) }
        return lines.contains { line in
            guard let text = map.line(line), let hash = text.firstIndex(of: "#") else { return false }
            return Self.comment(String(text[hash...]), suppresses: rule)
        }
    }

    /// Parses one comment. A bare `nosec` or `noqa` silences every rule; a list silences the
    /// rules it names by code, Bandit id, Ruff code or CWE.
    static func comment(_ comment: String, suppresses rule: RuleDescription) -> Bool {
        let lower = comment.lowercased()
        func selectors(after marker: String) -> [String]? {
            guard let range = lower.range(of: marker) else { return nil }
            let rest = comment[range.upperBound...]
            let cut = rest.firstIndex(of: "#") ?? rest.endIndex
            return rest[..<cut].split(whereSeparator: { " ,:[]\t".contains($0) }).map(String.init)
        }
        if let ids = selectors(after: "autosafecoder: ignore") ?? selectors(after: "autosafecoder:ignore") {
            return ids.isEmpty || ids.contains { rule.matches(selector: $0) && $0.count > 2 }
        }
        if let ids = selectors(after: "nosec") {
            let named = ids.filter { $0.first.map { "BbSsAaCc".contains($0) } ?? false && $0.count > 2 }
            return named.isEmpty || named.contains { rule.matches(selector: $0) }
        }
        if let ids = selectors(after: "noqa") {
            return ids.isEmpty || ids.contains { rule.matches(selector: $0) && $0.count > 2 }
        }
        return false
    }
}
