import PythonSyntax

/// `pam_authenticate` without `pam_acct_mgmt`: a valid password for an expired or locked account.
struct PAMWithoutAccountCheckRule: Rule {
    static let description = RuleDescription(
        code: "ASC2285", name: "pam-authentication-without-account-check", cwe: 285, severity: .medium, confidence: .medium,
        rationale: """
        pam_authenticate only checks the credentials; whether the account may log in now \
        (expired, locked, outside allowed hours) is pam_acct_mgmt's job. Call pam_acct_mgmt after \
        a successful pam_authenticate and accept the login only if both succeed.
        """,
        triggering: [
            "def login(handle):\n    result = ↓pam_authenticate(handle, 0)\n    return result == 0\n",
            "import ctypes\nlibpam = ctypes.CDLL(\"libpam.so.0\")\n\ndef login(handle):\n    return ↓libpam.pam_authenticate(handle, 0) == 0\n",
        ],
        nonTriggering: [
            "def login(handle):\n    result = pam_authenticate(handle, 0)\n    if result == 0:\n        result = pam_acct_mgmt(handle, 0)\n    return result == 0\n",
            "def describe():\n    return \"pam_authenticate\"\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .functionDef }
    var requiredIdentifiers: [String] { ["pam_authenticate"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .functionDef(_, _, let body, _, _, _, _) = statement.kind else { return }
        var authenticate: [Expr] = []
        var accountChecked = false
        var stack: [Node] = body.map { .stmt($0) }
        while let current = stack.popLast() {
            if case .stmt(let inner) = current, case .functionDef = inner.kind { continue }  // nested functions judge themselves
            if case .expr(let expression) = current, case .call(let function, _, _) = expression.kind {
                let name: String?
                switch function.kind {
                case .name(let id, _): name = id
                case .attribute(_, let attr, _): name = attr
                default: name = nil
                }
                if name == "pam_authenticate" { authenticate.append(expression) }
                if name == "pam_acct_mgmt" { accountChecked = true }
            }
            current.forEachChild { stack.append($0) }
        }
        guard !accountChecked else { return }
        for call in authenticate {
            context.report(call.loc, "pam_authenticate without pam_acct_mgmt accepts expired or locked accounts")
        }
    }
}
