import PythonSyntax

/// B507: paramiko accepting unknown SSH host keys.
struct SSHAutoAddPolicyRule: Rule {
    static let description = RuleDescription(
        code: "ASC507", name: "ssh-no-host-key-verification", banditID: "B507", cwe: 295, severity: .high, confidence: .medium,
        rationale: """
        AutoAddPolicy and WarningPolicy accept whatever key a server presents, so a man in the \
        middle is trusted on first contact. Load known hosts (client.load_system_host_keys()) and \
        keep the default RejectPolicy.
        """,
        triggering: [
            "import paramiko\nclient.set_missing_host_key_policy(↓paramiko.AutoAddPolicy())\n",
            "from paramiko import WarningPolicy\nssh.set_missing_host_key_policy(↓WarningPolicy)\n",
        ],
        nonTriggering: [
            "import paramiko\nclient.set_missing_host_key_policy(paramiko.RejectPolicy())\n",
            "client.set_missing_host_key_policy(AutoAddPolicy())\n",  // not paramiko's
        ]
    )

    static let unsafe: Set<String> = ["AutoAddPolicy", "WarningPolicy"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["paramiko"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "set_missing_host_key_policy",
              case .call(_, let arguments, let keywords) = expression.kind,
              let policy = arguments.first ?? keywords.first(where: { $0.arg == "policy" })?.value else { return }
        var target = policy
        if case .call(let function, _, _) = policy.kind { target = function }
        guard let name = context.imports.qualifiedName(of: target), name.hasPrefix("paramiko."),
              let last = name.split(separator: ".").last, Self.unsafe.contains(String(last)) else { return }
        context.report(policy.loc, "paramiko \(last) accepts unknown host keys (man in the middle)",
                       fixHint: "load known hosts and keep RejectPolicy")
    }
}
