import PythonSyntax

/// B101: `assert` outside tests, which disappears under `python -O`.
struct AssertUsedRule: Rule {
    static let description = RuleDescription(
        code: "ASC101", name: "assert-used", banditID: "B101", cwe: 703, severity: .low, confidence: .high,
        rationale: """
        Python removes assert statements when run with -O, so a check written as an assert \
        (permissions, input validation) silently stops happening. Raise an exception instead: \
        `if not user.is_admin: raise PermissionError(...)`. Tests may assert freely.
        """,
        triggering: [
            "def delete(user):\n    ↓assert user.is_admin\n",
            "↓assert len(token) == 32, \"bad token\"\n",
        ],
        nonTriggering: [
            "def delete(user):\n    if not user.is_admin:\n        raise PermissionError(user)\n",
            "x = 1\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .assertStatement }

    /// Test files, where assert is the point.
    static func isTestFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix("test_") || name.hasSuffix("_test.py") || name == "conftest.py"
            || path.contains("/tests/") || path.contains("/test/") || path.hasPrefix("tests/") || path.hasPrefix("test/")
    }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .assert = statement.kind, !Self.isTestFile(context.file) else { return }
        context.report(statement.loc, "assert is removed under python -O; do not use it for checks",
                       fixHint: "raise an exception instead")
    }
}
