import PythonSyntax

/// CWE-462: the same constant key written twice in one dict literal; the first value is lost.
struct DuplicateDictKeyRule: Rule {
    static let description = RuleDescription(
        code: "ASC2462", name: "duplicate-dict-key", cwe: 462, severity: .low, confidence: .high,
        rationale: """
        In a dict literal a repeated key silently replaces the earlier value, so a setting (a \
        header, a permission, a timeout) is not what the first line says. Keep one entry per key.
        """,
        triggering: [
            "headers = {\"X-Frame-Options\": \"DENY\", \"Accept\": \"*/*\", ↓\"X-Frame-Options\": \"SAMEORIGIN\"}\n",
            "codes = {1: \"one\", 2: \"two\", ↓1: \"uno\"}\n",
        ],
        nonTriggering: [
            "headers = {\"A\": 1, \"a\": 2}\n",
            "merged = {**defaults, \"debug\": False, **overrides}\n",
            "values = {key: 1, key2: 2}\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .dict }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .dict(let keys, _) = expression.kind, keys.count > 1 else { return }
        var seen: Set<String> = []
        for key in keys {
            guard let key, let identity = Self.identity(of: key) else { continue }
            if !seen.insert(identity).inserted {
                context.report(key.loc, "duplicate key \(context.text(of: key.loc)) in dict literal replaces the earlier value",
                               fixHint: "remove one of the entries")
            }
        }
    }

    static func identity(of key: Expr) -> String? {
        guard case .constant(let value, _) = key.kind else { return nil }
        switch value {
        case .str(let text): return "s:" + text.string
        case .bytes(let bytes): return "b:" + bytes.map(String.init).joined(separator: ",")
        case .int(let digits): return "i:" + digits
        default: return nil
        }
    }
}
