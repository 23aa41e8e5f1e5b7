import PythonSyntax

/// B312: Telnet sends everything, passwords included, in clear text.
struct TelnetRule: Rule {
    static let description = RuleDescription(
        code: "ASC312", name: "telnet-usage", banditID: "B312", cwe: 319, severity: .high, confidence: .high,
        rationale: """
        Telnet has no encryption: credentials and data can be read and altered by anyone on the \
        path. Use SSH (paramiko, asyncssh) instead.
        """,
        triggering: [
            "import telnetlib\ntn = ↓telnetlib.Telnet(host)\n",
            "from telnetlib import Telnet\nwith ↓Telnet(host, 23) as tn:\n    pass\n",
        ],
        nonTriggering: [
            "import paramiko\nclient = paramiko.SSHClient()\n",
            "Telnet(host)\n",
        ]
    )

    var callees: Set<String> { ["telnetlib.Telnet", "telnetlib3.open_connection"] }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "Telnet is a clear-text protocol", fixHint: "use SSH")
    }
}
