import PythonSyntax

/// B101: `assert` of an access or input check outside tests, which disappears under `python -O`.
struct AssertUsedRule: Rule {
    static let description = RuleDescription(
        code: "ASC101", name: "assert-used", banditID: "B101", cwe: 703, severity: .low, confidence: .high,
        rationale: """
        Python removes assert statements when run with -O, so a check written as an assert \
        (permissions, input validation) silently stops happening. Raise an exception instead: \
        `if not user.is_admin: raise PermissionError(...)`. Tests may assert freely.
        """,
        triggering: [
            "def webhook(body, signature):\n    ↓assert verify(body, signature), \"bad signature\"\n",
            "def fetch(entry, data):\n    digest = sha256(data)\n    ↓assert digest == entry[\"sha256\"], \"checksum mismatch\"\n",
            "def delete(user):\n    ↓assert user.is_admin\n",
            "↓assert len(password) >= 12, \"password too short\"\n",
            "def export(request):\n    ↓assert request.user.has_perm(\"payroll.export\")\n",
        ],
        nonTriggering: [
            "def delete(user):\n    if not user.is_admin:\n        raise PermissionError(user)\n",
            "x = 1\n",
            // Internal invariants guard against bugs, not people.
            "class Ring:\n    def push(self, item):\n        assert self._size <= self._capacity\n",
            // A test function, whatever the file is called.
            "def test_orders(client):\n    response = client.get(\"/orders\")\n    assert response.status_code == 200\n",
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

    /// Words of what an access or input check tests (`user.is_admin`, `request.user.has_perm`,
    /// `user_input`): an assert of one is a check that `-O` removes.
    /// (Not `token`, `owner` or `input`: a lexer's tokens, a DOM node's `ownerDocument` and a
    /// buffer's `next_input` are as common.)
    static let checkWords: Set<String> = [
        "user", "perm", "perms", "permission", "permissions", "auth", "authenticated", "authorized", "authorised", "role", "roles",
        "admin", "staff", "superuser", "allowed", "login", "csrf", "privilege", "privileges", "password", "secret",
        // An integrity check of downloaded or received data.
        "checksum", "sha256", "hmac", "integrity", "signature", "verify", "verified",
    ]

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .assert(let test, _) = statement.kind, !Self.isTestFile(context.file) else { return }
        let scope = context.parsed.enclosingScope(startLine: statement.loc.lineno, endLine: statement.loc.lineno)?.qualifiedName ?? ""
        // A test function or class outside a test file (`test_orders` in `t24_orders.py`).
        if scope.split(separator: ".").contains(where: { $0.hasPrefix("test") || $0.hasPrefix("Test") }) { return }
        // An internal invariant (`assert self._size <= capacity`) guards against bugs, not
        // people; only an assert of an access or input check is a check that `-O` removes.
        // The test's own words: a function's name (`_signature_fromstr`, `TaskGroup`) says
        // nothing of what one assert in it checks.
        let words = SecurityContext.nameParts(of: context.text(of: test.loc))
        guard words.contains(where: Self.checkWords.contains) else { return }
        context.report(statement.loc, "assert of an access or input check is removed under python -O",
                       severity: .medium, fixHint: "raise an exception instead")
    }
}
