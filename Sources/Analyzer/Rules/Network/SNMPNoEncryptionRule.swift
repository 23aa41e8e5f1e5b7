import PythonSyntax

/// B509: pysnmp SNMPv3 users without both authentication and privacy keys.
struct SNMPNoEncryptionRule: Rule {
    static let description = RuleDescription(
        code: "ASC509", name: "snmp-weak-cryptography", banditID: "B509", cwe: 319, severity: .medium, confidence: .high,
        rationale: """
        An SNMPv3 user without a privacy key (noAuthNoPriv or authNoPriv) sends its data \
        unencrypted, and without an auth key anyone can impersonate it. Give UsmUserData both \
        authKey and privKey (authPriv).
        """,
        triggering: [
            "from pysnmp.hlapi import UsmUserData\nuser = ↓UsmUserData(\"monitor\")\n",
            "from pysnmp.hlapi import UsmUserData\nuser = ↓UsmUserData(\"monitor\", authKey=secret)\n",
        ],
        nonTriggering: [
            "from pysnmp.hlapi import UsmUserData\nuser = UsmUserData(\"monitor\", auth_key, priv_key)\n",
            "from pysnmp.hlapi import UsmUserData\nuser = UsmUserData(\"monitor\", authKey=a, privKey=p)\n",
        ]
    )

    var calleePrefixes: [String] { ["pysnmp."] }

    func check(call: CallSite, context: inout RuleContext) {
        guard call.qualifiedName.hasSuffix(".UsmUserData"), !call.hasKeywordSplat else { return }
        if let authKey = call.argument("authKey", position: 1), let privKey = call.argument("privKey", position: 2),
           !authKey.isNoneConstant, !privKey.isNoneConstant { return }
        context.report(call.expression.loc, "SNMPv3 user without both auth and priv keys sends data unprotected",
                       fixHint: "pass authKey and privKey")
    }
}
